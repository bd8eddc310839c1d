package dev.daprspring.boot.autoconfigure.actuate.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the bridge that brings the sidecar's Prometheus metrics into
 * Micrometer.
 */
@ConfigurationProperties("dapr.sidecar.metrics")
public class DaprSidecarMetricsProperties {

	/** Whether to read the sidecar's metrics and register them as dapr.sidecar.* meters. */
	private boolean enabled = true;

	/** The sidecar's Prometheus endpoint; a sidecar launched by the application sets it. */
	private String endpoint = "http://127.0.0.1:9090/";

	/** How often the sidecar's metrics are read. */
	private Duration interval = Duration.ofSeconds(15);

	/** How long one read of the sidecar's metrics may take. */
	private Duration timeout = Duration.ofSeconds(2);

	/** How long meters keep their last values while the sidecar cannot be read; then they are removed. */
	private Duration staleAfter = Duration.ofMinutes(1);

	/** The most series (each histogram bucket counts as one) the bridge registers. */
	private int maxSeries = 2000;

	/** Sidecar metric names to bridge, with * wildcards (for example dapr_http_*); empty for all. */
	private List<String> include = new ArrayList<>();

	/** Sidecar metric names never to bridge, with * wildcards (default go_*); applied after include. */
	private List<String> exclude = new ArrayList<>(List.of("go_*"));

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(String endpoint) {
		this.endpoint = endpoint;
	}

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getStaleAfter() {
		return this.staleAfter;
	}

	public void setStaleAfter(Duration staleAfter) {
		this.staleAfter = staleAfter;
	}

	public int getMaxSeries() {
		return this.maxSeries;
	}

	public void setMaxSeries(int maxSeries) {
		this.maxSeries = maxSeries;
	}

	public List<String> getInclude() {
		return this.include;
	}

	public void setInclude(List<String> include) {
		this.include = include;
	}

	public List<String> getExclude() {
		return this.exclude;
	}

	public void setExclude(List<String> exclude) {
		this.exclude = exclude;
	}

}
