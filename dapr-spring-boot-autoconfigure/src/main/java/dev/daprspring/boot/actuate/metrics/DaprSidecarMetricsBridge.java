package dev.daprspring.boot.actuate.metrics;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.MetricFamily;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Reads the sidecar's Prometheus endpoint every {@code interval} on its own daemon
 * thread and keeps one Micrometer meter per sidecar series. Meters read the latest
 * values, so a scrape of {@code /actuator/prometheus} never waits for the sidecar.
 * A failed read changes nothing until the sidecar has been unreadable for
 * {@code staleAfter}; then the bridged meters are removed, and they come back with the
 * first good read. Nothing the sidecar does can fail the application: every error is
 * logged once per outage.
 */
public final class DaprSidecarMetricsBridge implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(DaprSidecarMetricsBridge.class);

	private final SidecarMetricsScraper scraper;

	private final SidecarSamples samples;

	private final SidecarMeters meters;

	private final Duration interval;

	private final Duration staleAfter;

	private final Clock clock;

	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable Instant lastSuccess;

	private @Nullable Instant failingSince;

	DaprSidecarMetricsBridge(MeterRegistry registry, SidecarMetricsSettings settings, Clock clock) {
		Assert.isTrue(isPositive(settings.interval()), () -> "dapr.sidecar.metrics.interval is "
				+ settings.interval() + "; it must be positive, for example 15s");
		Assert.isTrue(isPositive(settings.timeout()), () -> "dapr.sidecar.metrics.timeout is "
				+ settings.timeout() + "; it must be positive, for example 2s");
		Assert.isTrue(settings.maxSeries() >= 0, () -> "dapr.sidecar.metrics.max-series is "
				+ settings.maxSeries() + "; it must be 0 or more");
		Assert.isTrue(isHttpUrl(settings.endpoint()), () -> "dapr.sidecar.metrics.endpoint is '"
				+ settings.endpoint() + "'; it must be an http URL such as http://127.0.0.1:9090/");
		this.scraper = new SidecarMetricsScraper(settings.endpoint(), settings.timeout());
		this.samples = new SidecarSamples(settings.include(), settings.exclude());
		this.meters = new SidecarMeters(registry, settings.maxSeries());
		this.interval = settings.interval();
		this.staleAfter = settings.staleAfter();
		this.clock = clock;
	}

	/**
	 * Creates a bridge.
	 * @param registry where the meters go
	 * @param settings what to read, how often and how much
	 */
	public DaprSidecarMetricsBridge(MeterRegistry registry, SidecarMetricsSettings settings) {
		this(registry, settings, Clock.systemUTC());
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "dapr-sidecar-metrics");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(this::scrapeOnce, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		this.scheduler = scheduler;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService scheduler = this.scheduler;
		this.scheduler = null;
		if (scheduler != null) {
			scheduler.shutdownNow();
			try {
				scheduler.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.meters.removeAll();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	/** Reads the sidecar once and updates the meters; never throws. */
	void scrapeOnce() {
		try {
			List<MetricFamily> families = this.scraper.scrape();
			this.meters.update(this.samples.samples(families));
			if (this.failingSince != null) {
				logger.info("The sidecar metrics bridge reads " + this.scraper.endpoint() + " again");
			}
			this.lastSuccess = this.clock.instant();
			this.failingSince = null;
		}
		catch (Exception ex) {
			failed(ex);
		}
	}

	private void failed(Exception ex) {
		Instant now = this.clock.instant();
		if (this.failingSince == null) {
			this.failingSince = now;
			logger.warn("The sidecar metrics bridge cannot read " + this.scraper.endpoint() + " ("
					+ ex.getMessage() + "); dapr.sidecar.* meters keep their last values for "
					+ this.staleAfter + " (dapr.sidecar.metrics.stale-after), then are removed until it answers");
		}
		Instant since = (this.lastSuccess != null) ? this.lastSuccess : this.failingSince;
		if (this.meters.size() > 0 && Duration.between(since, now).compareTo(this.staleAfter) >= 0) {
			logger.info("Removing the dapr.sidecar.* meters: the sidecar has not been readable since " + since);
			this.meters.removeAll();
		}
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	private static boolean isHttpUrl(String endpoint) {
		try {
			URI uri = new URI(endpoint);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
