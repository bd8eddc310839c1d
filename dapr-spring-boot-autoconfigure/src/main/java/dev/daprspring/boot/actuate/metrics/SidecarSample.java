package dev.daprspring.boot.actuate.metrics;

import io.micrometer.core.instrument.Tags;

/**
 * One series of the sidecar, as the Micrometer meter it becomes.
 *
 * @param name the meter name, {@code dapr.sidecar.*}
 * @param tags the sidecar's labels (plus {@code le} or {@code quantile})
 * @param kind whether it only grows (a counter) or goes up and down (a gauge)
 * @param value its value in this scrape
 * @param description the sidecar's help text
 */
record SidecarSample(String name, Tags tags, Kind kind, double value, String description) {

	/** Identifies the series across scrapes. */
	SeriesKey key() {
		return new SeriesKey(this.name, this.tags, this.kind);
	}

	/** The Micrometer meter type a series becomes. */
	enum Kind {

		/** A {@code FunctionCounter}. */
		COUNTER,

		/** A {@code Gauge}. */
		GAUGE

	}

	/**
	 * A series' identity.
	 *
	 * @param name the meter name
	 * @param tags its tags
	 * @param kind its meter type
	 */
	record SeriesKey(String name, Tags tags, Kind kind) {

	}

}
