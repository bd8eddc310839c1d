package dev.daprspring.boot.actuate.metrics;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.MetricFamily;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.MetricType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class PrometheusProtobufTests {

	@Test
	void aRealDaprdScrapeDecodesWithItsCountersHistogramsAndSummaries() throws IOException {
		List<MetricFamily> families = PrometheusProtobuf.decode(Families.daprdScrape());
		assertThat(families).extracting(MetricFamily::getName)
			.contains("dapr_http_server_request_count", "dapr_http_server_latency", "dapr_component_state_count",
					"dapr_component_pubsub_egress_count", "go_gc_duration_seconds");
		MetricFamily latency = family(families, "dapr_http_server_latency");
		assertThat(latency.getType()).isEqualTo(MetricType.HISTOGRAM);
		assertThat(latency.getMetric(0).getHistogram().getBucketList()).hasSizeGreaterThan(10);
		assertThat(family(families, "dapr_component_state_count").getType()).isEqualTo(MetricType.COUNTER);
		assertThat(family(families, "go_gc_duration_seconds").getType()).isEqualTo(MetricType.SUMMARY);
	}

	@Test
	void aTruncatedScrapeIsRejectedWhole() {
		byte[] scrape = Families.daprdScrape();
		byte[] truncated = Arrays.copyOf(scrape, scrape.length - 7);
		assertThatIOException().isThrownBy(() -> PrometheusProtobuf.decode(truncated));
	}

	@Test
	void aFamilyCutRightAfterItsLengthIsRejected() {
		byte[] one = Families.delimited(List.of(Families.counter("a_total", 1)));
		assertThatIOException().isThrownBy(() -> PrometheusProtobuf.decode(Arrays.copyOf(one, 1)))
			.withMessageContaining("Scrape cut off");
	}

	@Test
	void aFamilyCutBetweenTwoOfItsSeriesIsRejectedAlthoughThePrefixWouldParse() throws IOException {
		MetricFamily two = Families.counter("a_total", 1, "n", "1").toBuilder()
			.addMetric(Families.counter("a_total", 2, "n", "2").getMetric(0))
			.build();
		byte[] whole = Families.delimited(List.of(two));
		byte[] withoutSecondSeries = Arrays.copyOf(whole, whole.length - two.getMetric(1).getSerializedSize() - 2);
		assertThat(PrometheusProtobuf.decode(whole)).containsExactly(two);
		assertThatIOException().isThrownBy(() -> PrometheusProtobuf.decode(withoutSecondSeries))
			.withMessageContaining("Scrape cut off");
	}

	@Test
	void anEmptyScrapeHasNoFamilies() throws IOException {
		assertThat(PrometheusProtobuf.decode(new byte[0])).isEmpty();
	}

	@Test
	void onlyTheDelimitedProtobufMediaTypeIsAccepted() {
		assertThat(PrometheusProtobuf.isProtobuf("application/vnd.google.protobuf; "
				+ "proto=io.prometheus.client.MetricFamily; encoding=delimited; escaping=underscores")).isTrue();
		assertThat(PrometheusProtobuf.isProtobuf("text/plain; version=0.0.4; charset=utf-8")).isFalse();
		assertThat(PrometheusProtobuf.isProtobuf("application/openmetrics-text; version=1.0.0")).isFalse();
	}

	private static MetricFamily family(List<MetricFamily> families, String name) {
		return families.stream().filter((family) -> family.getName().equals(name)).findFirst().orElseThrow();
	}

}
