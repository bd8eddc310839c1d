package dev.daprspring.boot.actuate.metrics;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.MetricFamily;

/**
 * Reads the sidecar's Prometheus endpoint once, in the protobuf format.
 */
final class SidecarMetricsScraper {

	private final URI endpoint;

	private final Duration timeout;

	private final HttpClient http;

	SidecarMetricsScraper(String endpoint, Duration timeout) {
		this.endpoint = URI.create(endpoint);
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	URI endpoint() {
		return this.endpoint;
	}

	/**
	 * Reads all metric families.
	 * @return the families of one complete scrape
	 * @throws IOException when the endpoint cannot be read, does not answer 200 in the
	 * protobuf format, or the body is cut off
	 */
	List<MetricFamily> scrape() throws IOException {
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.timeout(this.timeout)
			.header("Accept", PrometheusProtobuf.MEDIA_TYPE)
			.GET()
			.build();
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while reading " + this.endpoint);
		}
		if (response.statusCode() != 200) {
			throw new IOException(this.endpoint + " answered " + response.statusCode() + " instead of 200");
		}
		String contentType = response.headers().firstValue("Content-Type").orElse("(none)");
		if (!PrometheusProtobuf.isProtobuf(contentType)) {
			throw new IOException(this.endpoint + " answered Content-Type " + contentType + "; the bridge reads "
					+ "the Prometheus protobuf format, which daprd's metrics port serves (is "
					+ "dapr.sidecar.metrics.endpoint daprd's --metrics-port?)");
		}
		return PrometheusProtobuf.decode(response.body());
	}

}
