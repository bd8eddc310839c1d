package dev.daprspring.boot.actuate.metrics;

import java.time.Duration;
import java.util.List;

/**
 * What the {@link DaprSidecarMetricsBridge} reads, how often and how much; the
 * auto-configuration fills it from {@code dapr.sidecar.metrics.*}.
 *
 * @param endpoint the sidecar's Prometheus endpoint, an http URL
 * @param interval how often it is read
 * @param timeout how long one read may take
 * @param staleAfter how long meters keep their last values while it cannot be read
 * @param maxSeries the most series registered
 * @param include sidecar metric names to bridge, with {@code *} wildcards; empty for all
 * @param exclude sidecar metric names never to bridge, applied after {@code include}
 */
public record SidecarMetricsSettings(String endpoint, Duration interval, Duration timeout, Duration staleAfter,
		int maxSeries, List<String> include, List<String> exclude) {

	public SidecarMetricsSettings {
		include = List.copyOf(include);
		exclude = List.copyOf(exclude);
	}

}
