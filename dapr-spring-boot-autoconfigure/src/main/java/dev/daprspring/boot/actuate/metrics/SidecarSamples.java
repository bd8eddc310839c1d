package dev.daprspring.boot.actuate.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

import dev.daprspring.boot.actuate.metrics.SidecarSample.Kind;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Bucket;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Histogram;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.LabelPair;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Metric;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.MetricFamily;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Quantile;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Summary;
import org.springframework.util.PatternMatchUtils;

/**
 * Turns the sidecar's metric families into the samples of Micrometer meters.
 * <p>
 * Names: {@code dapr_http_server_request_count} becomes
 * {@code dapr.sidecar.http.server.request.count} (a counter's {@code _total} is dropped,
 * since registries add their own), so Prometheus shows
 * {@code dapr_sidecar_http_server_request_count_total}. Counters stay counters and gauges
 * (and untyped series) gauges. Micrometer has no meter that takes cumulative buckets
 * from elsewhere, so a histogram keeps its buckets as counters
 * {@code <name>.buckets} tagged {@code le} (as cumulative as the sidecar's, so
 * {@code histogram_quantile} works on them) plus {@code <name>.sum} and
 * {@code <name>.count}: in Prometheus {@code dapr_sidecar_http_server_latency_buckets_total{le="5"}},
 * {@code …_sum_total} and {@code …_count_total}. A summary keeps its quantiles as gauges
 * tagged {@code quantile} plus the same sum and count.
 */
final class SidecarSamples {

	static final String PREFIX = "dapr.sidecar.";

	private final String[] include;

	private final String[] exclude;

	SidecarSamples(List<String> include, List<String> exclude) {
		this.include = include.toArray(String[]::new);
		this.exclude = exclude.toArray(String[]::new);
	}

	/** Whether a sidecar metric name passes the include and exclude lists. */
	boolean accepts(String sidecarName) {
		boolean included = this.include.length == 0 || matches(this.include, sidecarName);
		return included && !matches(this.exclude, sidecarName);
	}

	List<SidecarSample> samples(List<MetricFamily> families) {
		List<SidecarSample> samples = new ArrayList<>();
		for (MetricFamily family : families) {
			if (accepts(family.getName())) {
				add(family, samples);
			}
		}
		return samples;
	}

	private void add(MetricFamily family, List<SidecarSample> samples) {
		String name = meterName(family.getName());
		String help = family.getHelp();
		for (Metric metric : family.getMetricList()) {
			Tags tags = tags(metric);
			switch (family.getType()) {
				case COUNTER -> samples.add(new SidecarSample(meterName(stripTotal(family.getName())), tags,
						Kind.COUNTER, metric.getCounter().getValue(), help));
				case GAUGE -> samples.add(new SidecarSample(name, tags, Kind.GAUGE, metric.getGauge().getValue(), help));
				case UNTYPED -> samples
					.add(new SidecarSample(name, tags, Kind.GAUGE, metric.getUntyped().getValue(), help));
				case HISTOGRAM -> histogram(name, tags, metric.getHistogram(), Kind.COUNTER, help, samples);
				case GAUGE_HISTOGRAM -> histogram(name, tags, metric.getHistogram(), Kind.GAUGE, help, samples);
				case SUMMARY -> summary(name, tags, metric.getSummary(), help, samples);
			}
		}
	}

	private static void histogram(String name, Tags tags, Histogram histogram, Kind kind, String help,
			List<SidecarSample> samples) {
		double count = (histogram.getSampleCountFloat() > 0) ? histogram.getSampleCountFloat()
				: unsigned(histogram.getSampleCount());
		boolean infinite = false;
		for (Bucket bucket : histogram.getBucketList()) {
			double cumulative = (bucket.getCumulativeCountFloat() > 0) ? bucket.getCumulativeCountFloat()
					: unsigned(bucket.getCumulativeCount());
			infinite |= bucket.getUpperBound() == Double.POSITIVE_INFINITY;
			samples.add(new SidecarSample(name + ".buckets", tags.and("le", format(bucket.getUpperBound())), kind,
					cumulative, help));
		}
		if (!infinite) {
			// The +Inf bucket may be left out of the protobuf format; it always holds every observation.
			samples.add(new SidecarSample(name + ".buckets", tags.and("le", "+Inf"), kind, count, help));
		}
		samples.add(new SidecarSample(name + ".sum", tags, kind, histogram.getSampleSum(), help));
		samples.add(new SidecarSample(name + ".count", tags, kind, count, help));
	}

	private static void summary(String name, Tags tags, Summary summary, String help, List<SidecarSample> samples) {
		for (Quantile quantile : summary.getQuantileList()) {
			samples.add(new SidecarSample(name, tags.and("quantile", format(quantile.getQuantile())), Kind.GAUGE,
					quantile.getValue(), help));
		}
		samples.add(new SidecarSample(name + ".sum", tags, Kind.COUNTER, summary.getSampleSum(), help));
		samples.add(new SidecarSample(name + ".count", tags, Kind.COUNTER, unsigned(summary.getSampleCount()), help));
	}

	/** A {@code uint64}, which protobuf-java hands over as a signed {@code long}. */
	static double unsigned(long value) {
		if (value >= 0) {
			return value;
		}
		// Halve without losing the lowest bit's rounding, then double again.
		return ((value >>> 1) | (value & 1)) * 2.0;
	}

	private static Tags tags(Metric metric) {
		List<Tag> tags = new ArrayList<>(metric.getLabelCount());
		for (LabelPair label : metric.getLabelList()) {
			tags.add(Tag.of(label.getName(), label.getValue()));
		}
		return Tags.of(tags);
	}

	/** {@code dapr_http_server_latency} to {@code dapr.sidecar.http.server.latency}. */
	static String meterName(String sidecarName) {
		String name = sidecarName.startsWith("dapr_") ? sidecarName.substring("dapr_".length()) : sidecarName;
		return PREFIX + name.replace('_', '.');
	}

	private static String stripTotal(String name) {
		return name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
	}

	/** Bounds as Prometheus writes them: {@code 5}, {@code 0.25}, {@code +Inf}. */
	static String format(double bound) {
		if (bound == Double.POSITIVE_INFINITY) {
			return "+Inf";
		}
		if (bound == Double.NEGATIVE_INFINITY) {
			return "-Inf";
		}
		if (bound == Math.rint(bound) && Math.abs(bound) < 1e15) {
			return Long.toString((long) bound);
		}
		return Double.toString(bound);
	}

	private static boolean matches(String[] patterns, String name) {
		return PatternMatchUtils.simpleMatch(patterns, name);
	}

}
