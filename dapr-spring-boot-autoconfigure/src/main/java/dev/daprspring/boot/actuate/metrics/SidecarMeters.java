package dev.daprspring.boot.actuate.metrics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.actuate.metrics.SidecarSample.Kind;
import dev.daprspring.boot.actuate.metrics.SidecarSample.SeriesKey;

/**
 * The meters the bridge registered, one per sidecar series, each reading the value of
 * the latest scrape. At most {@code maxSeries} are registered; series that a scrape no
 * longer has are removed. Only the bridge's scrape thread calls {@link #update} and
 * {@link #removeAll}; registries read the values from any thread.
 * <p>
 * A counter meter only ever holds a value a counter can have: a negative one (daprd adds
 * {@code -1}, its "unknown length", to the sum of a byte-size histogram) is left out
 * while it lasts, because a Prometheus registry refuses the whole scrape over it. A
 * counter that goes down (daprd restarted) is registered anew, so every registry sees a
 * counter reset: Prometheus a drop, which {@code rate()} handles, step registries a new
 * counter instead of a negative step.
 */
final class SidecarMeters {

	private static final Log logger = LogFactory.getLog(SidecarMeters.class);

	private final MeterRegistry registry;

	private final int maxSeries;

	private final Map<SeriesKey, Series> series = new HashMap<>();

	private final Set<String> rejectedNames = new HashSet<>();

	private final Set<SeriesKey> rejected = new HashSet<>();

	private final Set<String> negativeNames = new HashSet<>();

	private boolean overLimit;

	SidecarMeters(MeterRegistry registry, int maxSeries) {
		this.registry = registry;
		this.maxSeries = maxSeries;
	}

	/**
	 * Brings the meters in line with one complete scrape.
	 * @param samples every sample of the scrape
	 */
	void update(List<SidecarSample> samples) {
		Set<SeriesKey> seen = new HashSet<>();
		int skipped = 0;
		for (SidecarSample sample : samples) {
			SeriesKey key = sample.key();
			if (isNegativeCounter(sample)) {
				// Not seen: a registered meter of this series is removed below.
				reportNegative(sample);
				continue;
			}
			if (!seen.add(key)) {
				continue;
			}
			Series existing = this.series.get(key);
			if (existing != null && isReset(sample, existing)) {
				remove(key, existing);
				register(sample);
			}
			else if (existing != null) {
				existing.value = sample.value();
			}
			else if (this.rejected.contains(key)) {
				continue;
			}
			else if (this.series.size() < this.maxSeries) {
				register(sample);
			}
			else {
				skipped++;
			}
		}
		removeAllBut(seen);
		reportLimit(skipped);
	}

	/** Removes every bridged meter, for a sidecar that has been gone too long or a stop. */
	void removeAll() {
		removeAllBut(Set.of());
		this.rejected.clear();
	}

	int size() {
		return this.series.size();
	}

	private void register(SidecarSample sample) {
		Series series = new Series(sample.value());
		try {
			Meter meter = switch (sample.kind()) {
				case COUNTER -> FunctionCounter.builder(sample.name(), series, Series::value)
					.tags(sample.tags())
					.description(sample.description())
					.register(this.registry);
				case GAUGE -> Gauge.builder(sample.name(), series, Series::value)
					.tags(sample.tags())
					.description(sample.description())
					.strongReference(true)
					.register(this.registry);
			};
			series.meter = meter;
			this.series.put(sample.key(), series);
		}
		catch (RuntimeException ex) {
			// For example a Prometheus registry refusing a name it already has with other tag keys.
			this.rejected.add(sample.key());
			if (this.rejectedNames.add(sample.name())) {
				logger.warn("The sidecar metrics bridge cannot register " + sample.name() + sample.tags()
						+ " with the meter registry, leaving it out: " + ex.getMessage());
			}
		}
	}

	private static boolean isNegativeCounter(SidecarSample sample) {
		return sample.kind() == Kind.COUNTER && sample.value() < 0;
	}

	private static boolean isReset(SidecarSample sample, Series existing) {
		return sample.kind() == Kind.COUNTER && sample.value() < existing.value;
	}

	private void reportNegative(SidecarSample sample) {
		if (this.negativeNames.add(sample.name())) {
			// daprd does this in normal operation (see the class comment): not worth a warning.
			logger.info("The sidecar reports " + sample.name() + sample.tags() + " = " + sample.value()
					+ ", but a counter cannot be negative (a Prometheus registry would refuse the whole scrape); "
					+ "leaving the series out while it is negative");
		}
	}

	private void remove(SeriesKey key, Series series) {
		if (series.meter != null) {
			this.registry.remove(series.meter);
		}
		this.series.remove(key);
	}

	private void removeAllBut(Set<SeriesKey> kept) {
		for (Map.Entry<SeriesKey, Series> entry : List.copyOf(this.series.entrySet())) {
			if (!kept.contains(entry.getKey())) {
				remove(entry.getKey(), entry.getValue());
			}
		}
	}

	private void reportLimit(int skipped) {
		if (skipped > 0 && !this.overLimit) {
			logger.warn("The sidecar exposes more series than dapr.sidecar.metrics.max-series=" + this.maxSeries
					+ "; " + skipped + " are left out. Narrow dapr.sidecar.metrics.include / exclude or raise "
					+ "the limit.");
		}
		this.overLimit = skipped > 0;
	}

	/** One series' latest value and its meter. */
	private static final class Series {

		private volatile double value;

		private @Nullable Meter meter;

		Series(double value) {
			this.value = value;
		}

		double value() {
			return this.value;
		}

	}

}
