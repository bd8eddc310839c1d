package dev.daprspring.boot.actuate.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Bucket;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Counter;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Gauge;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Histogram;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.LabelPair;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Metric;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.MetricFamily;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.MetricType;

/**
 * Builds metric families, and reads scrapes of a real daprd 1.17.5 (taken with
 * {@code Accept: application/vnd.google.protobuf; …; encoding=delimited}): one after a
 * state save, a state get and a publish, one while its app had answered
 * {@code GET /dapr/config} without a {@code Content-Length} (chunked) and not yet
 * {@code GET /dapr/subscribe}, so {@code dapr_http_client_received_bytes_sum} is -1.
 */
final class Families {

	private Families() {
	}

	static byte[] daprdScrape() {
		return resource("daprd-1.17.5-metrics.bin");
	}

	static byte[] daprdScrapeWithANegativeHistogramSum() {
		return resource("daprd-1.17.5-unknown-length-metrics.bin");
	}

	private static byte[] resource(String name) {
		try (InputStream in = Families.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static MetricFamily counter(String name, double value, String... labels) {
		return MetricFamily.newBuilder()
			.setName(name)
			.setHelp("help of " + name)
			.setType(MetricType.COUNTER)
			.addMetric(Metric.newBuilder().addAllLabel(labels(labels)).setCounter(Counter.newBuilder().setValue(value)))
			.build();
	}

	static MetricFamily gauge(String name, double value, String... labels) {
		return MetricFamily.newBuilder()
			.setName(name)
			.setHelp("help of " + name)
			.setType(MetricType.GAUGE)
			.addMetric(Metric.newBuilder().addAllLabel(labels(labels)).setGauge(Gauge.newBuilder().setValue(value)))
			.build();
	}

	static MetricFamily histogram(String name, long count, double sum, double[] bounds, long[] cumulative,
			String... labels) {
		Histogram.Builder histogram = Histogram.newBuilder().setSampleCount(count).setSampleSum(sum);
		for (int i = 0; i < bounds.length; i++) {
			histogram.addBucket(Bucket.newBuilder().setUpperBound(bounds[i]).setCumulativeCount(cumulative[i]));
		}
		return MetricFamily.newBuilder()
			.setName(name)
			.setType(MetricType.HISTOGRAM)
			.addMetric(Metric.newBuilder().addAllLabel(labels(labels)).setHistogram(histogram))
			.build();
	}

	static byte[] delimited(List<MetricFamily> families) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			for (MetricFamily family : families) {
				family.writeDelimitedTo(out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static List<LabelPair> labels(String... pairs) {
		List<LabelPair> labels = new ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			labels.add(LabelPair.newBuilder().setName(pairs[i]).setValue(pairs[i + 1]).build());
		}
		return labels;
	}

}
