package dev.daprspring.boot.autoconfigure.actuate.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import dev.daprspring.boot.autoconfigure.actuate.metrics.model.PrometheusModel.MetricFamily;

/**
 * The Prometheus protobuf exposition format: length-delimited {@code MetricFamily}
 * messages, decoded by protobuf-java. daprd serves it on its metrics port when asked
 * for it, as Prometheus servers do.
 */
final class PrometheusProtobuf {

	/** The media type to ask for. */
	static final String MEDIA_TYPE = "application/vnd.google.protobuf; "
			+ "proto=io.prometheus.client.MetricFamily; encoding=delimited";

	private PrometheusProtobuf() {
	}

	/** Whether a response's Content-Type is this format. */
	static boolean isProtobuf(String contentType) {
		String type = contentType.toLowerCase(java.util.Locale.ROOT);
		return type.startsWith("application/vnd.google.protobuf") && type.contains("encoding=delimited");
	}

	/**
	 * Decodes a whole scrape.
	 * @param in the body
	 * @return the metric families, in the order they came
	 * @throws IOException when the body is cut off or not this format; nothing of such a
	 * scrape is returned
	 */
	static List<MetricFamily> decode(InputStream in) throws IOException {
		List<MetricFamily> families = new ArrayList<>();
		MetricFamily family;
		while ((family = MetricFamily.parseDelimitedFrom(in)) != null) {
			families.add(family);
		}
		return families;
	}

}
