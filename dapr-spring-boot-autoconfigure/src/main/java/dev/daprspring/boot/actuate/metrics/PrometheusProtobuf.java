package dev.daprspring.boot.actuate.metrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;

import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.MetricFamily;

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
		String type = contentType.toLowerCase(Locale.ROOT);
		return type.startsWith("application/vnd.google.protobuf") && type.contains("encoding=delimited");
	}

	/**
	 * Decodes a whole scrape.
	 * @param body the body
	 * @return the metric families, in the order they came
	 * @throws IOException when the body is cut off or not this format; nothing of such a
	 * scrape is returned
	 */
	static List<MetricFamily> decode(byte[] body) throws IOException {
		List<MetricFamily> families = new ArrayList<>();
		CodedInputStream in = CodedInputStream.newInstance(body);
		while (!in.isAtEnd()) {
			int length = in.readRawVarint32();
			int remaining = body.length - in.getTotalBytesRead();
			// A proto2 message whose fields are all optional parses from any prefix of itself,
			// so a cut-off family would pass as a smaller one: check that all of it is there.
			if (length < 0 || length > remaining) {
				throw new InvalidProtocolBufferException("Scrape cut off: a metric family of " + length
						+ " bytes, but only " + remaining + " bytes follow");
			}
			int limit = in.pushLimit(length);
			families.add(MetricFamily.parseFrom(in));
			in.popLimit(limit);
		}
		return families;
	}

}
