package dev.daprspring.boot.actuate.metrics;

import java.io.IOException;
import java.util.List;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.actuate.metrics.SidecarSample.Kind;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Bucket;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Histogram;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Metric;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.MetricFamily;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.MetricType;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Quantile;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Summary;
import dev.daprspring.boot.actuate.metrics.model.PrometheusModel.Untyped;
import dev.daprspring.boot.autoconfigure.actuate.metrics.DaprSidecarMetricsProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SidecarSamplesTests {

	private final SidecarSamples all = new SidecarSamples(List.of(), List.of());

	@Test
	void aCounterDropsTheDaprPrefixAndTotalAndKeepsItsLabelsAsTags() {
		List<SidecarSample> samples = this.all.samples(List.of(Families.counter("dapr_runtime_component_init_total",
				2, "app_id", "orders", "component", "state.in-memory")));
		assertThat(samples).containsExactly(new SidecarSample("dapr.sidecar.runtime.component.init",
				Tags.of("app_id", "orders", "component", "state.in-memory"), Kind.COUNTER, 2,
				"help of dapr_runtime_component_init_total"));
	}

	@Test
	void labelValuesThatTheTextFormatEscapesArriveVerbatim() {
		String awkward = "C:\\DIR\\FILE.TXT \"quoted\"\nsecond line, ünïcode";
		SidecarSample sample = this.all.samples(List.of(Families.gauge("dapr_odd", 1, "path", awkward))).get(0);
		assertThat(sample.tags().stream().filter((tag) -> tag.getKey().equals("path")).findFirst().orElseThrow()
			.getValue()).isEqualTo(awkward);
	}

	@Test
	void helpTextWithCommentCharactersBecomesTheDescription() {
		MetricFamily family = Families.gauge("dapr_x", 1).toBuilder().setHelp("# not a comment \\ line\nnext").build();
		assertThat(this.all.samples(List.of(family)).get(0).description()).isEqualTo("# not a comment \\ line\nnext");
	}

	@Test
	void notANumberAndInfinitiesPassThrough() {
		assertThat(this.all.samples(List.of(Families.gauge("dapr_nan", Double.NaN))).get(0).value()).isNaN();
		assertThat(this.all.samples(List.of(Families.gauge("dapr_inf", Double.POSITIVE_INFINITY))).get(0).value())
			.isInfinite();
	}

	@Test
	void countsAboveTheLargestLongStayPositive() {
		// uint64 2^64 - 1, which protobuf-java hands over as the long -1.
		MetricFamily huge = Families.histogram("dapr_huge", -1L, 1, new double[] { Double.POSITIVE_INFINITY },
				new long[] { -1L });
		assertThat(this.all.samples(List.of(huge))).extracting(SidecarSample::value)
			.containsOnly(1.8446744073709552E19, 1.0);
		assertThat(SidecarSamples.unsigned(Long.MAX_VALUE)).isEqualTo(9.223372036854775807E18);
		assertThat(SidecarSamples.unsigned(Long.MIN_VALUE)).isEqualTo(9.223372036854775808E18);
	}

	@Test
	void aHistogramKeepsItsCumulativeBucketsTaggedLeWithTheInfiniteBucket() {
		MetricFamily latency = Families.histogram("dapr_http_server_latency", 7, 12.5,
				new double[] { 0.5, 1, 5, Double.POSITIVE_INFINITY }, new long[] { 1, 3, 6, 7 }, "method", "GET");
		List<SidecarSample> samples = this.all.samples(List.of(latency));
		assertThat(samples).extracting(SidecarSample::name, (s) -> s.tags().stream()
			.filter((tag) -> tag.getKey().equals("le"))
			.map(Tag::getValue)
			.findFirst()
			.orElse("-"), SidecarSample::value)
			.containsExactly(tuple("dapr.sidecar.http.server.latency.buckets", "0.5", 1.0),
					tuple("dapr.sidecar.http.server.latency.buckets", "1", 3.0),
					tuple("dapr.sidecar.http.server.latency.buckets", "5", 6.0),
					tuple("dapr.sidecar.http.server.latency.buckets", "+Inf", 7.0),
					tuple("dapr.sidecar.http.server.latency.sum", "-", 12.5),
					tuple("dapr.sidecar.http.server.latency.count", "-", 7.0));
		assertThat(samples).allSatisfy((sample) -> assertThat(sample.kind()).isEqualTo(Kind.COUNTER));
	}

	@Test
	void aMissingInfiniteBucketIsAddedWithTheSampleCountAndFloatCountsWin() {
		MetricFamily family = MetricFamily.newBuilder()
			.setName("dapr_sizes")
			.setType(MetricType.HISTOGRAM)
			.addMetric(Metric.newBuilder()
				.setHistogram(Histogram.newBuilder()
					.setSampleCountFloat(4.5)
					.setSampleSum(9)
					.addBucket(Bucket.newBuilder().setUpperBound(10).setCumulativeCountFloat(2.5))))
			.build();
		List<SidecarSample> samples = this.all.samples(List.of(family));
		assertThat(samples).extracting(SidecarSample::tags, SidecarSample::value)
			.containsExactly(tuple(Tags.of("le", "10"), 2.5),
					tuple(Tags.of("le", "+Inf"), 4.5),
					tuple(Tags.empty(), 9.0),
					tuple(Tags.empty(), 4.5));
	}

	@Test
	void aSummaryKeepsItsQuantilesAsGaugesAndItsSumAndCountAsCounters() {
		MetricFamily family = MetricFamily.newBuilder()
			.setName("go_gc_duration_seconds")
			.setType(MetricType.SUMMARY)
			.addMetric(Metric.newBuilder()
				.setSummary(Summary.newBuilder()
					.setSampleCount(3)
					.setSampleSum(0.25)
					.addQuantile(Quantile.newBuilder().setQuantile(0.5).setValue(0.01))))
			.build();
		assertThat(this.all.samples(List.of(family))).containsExactly(
				new SidecarSample("dapr.sidecar.go.gc.duration.seconds", Tags.of("quantile", "0.5"), Kind.GAUGE, 0.01,
						""),
				new SidecarSample("dapr.sidecar.go.gc.duration.seconds.sum", Tags.empty(), Kind.COUNTER, 0.25, ""),
				new SidecarSample("dapr.sidecar.go.gc.duration.seconds.count", Tags.empty(), Kind.COUNTER, 3, ""));
	}

	@Test
	void untypedSeriesBecomeGauges() {
		MetricFamily family = MetricFamily.newBuilder()
			.setName("dapr_untyped")
			.setType(MetricType.UNTYPED)
			.addMetric(Metric.newBuilder().setUntyped(Untyped.newBuilder().setValue(3)))
			.build();
		assertThat(this.all.samples(List.of(family))).singleElement()
			.satisfies((sample) -> assertThat(sample.kind()).isEqualTo(Kind.GAUGE));
	}

	@Test
	void includeAndExcludeMatchTheSidecarsNamesWithWildcards() {
		SidecarSamples http = new SidecarSamples(List.of("dapr_http_*", "process_*"), List.of("*_bytes"));
		assertThat(http.accepts("dapr_http_server_request_count")).isTrue();
		assertThat(http.accepts("process_resident_memory_bytes")).isFalse();
		assertThat(http.accepts("dapr_component_state_count")).isFalse();
		SidecarSamples defaults = new SidecarSamples(List.of(), new DaprSidecarMetricsProperties().getExclude());
		assertThat(defaults.accepts("go_goroutines")).isFalse();
		assertThat(defaults.accepts("dapr_component_state_count")).isTrue();
	}

	@Test
	void theRealScrapeGivesTheHttpRequestCountOfEachPath() throws IOException {
		List<MetricFamily> families = PrometheusProtobuf.decode(Families.daprdScrape());
		List<SidecarSample> samples = this.all.samples(families);
		assertThat(samples).filteredOn((sample) -> sample.name().equals("dapr.sidecar.http.server.request.count"))
			.anySatisfy((sample) -> {
				assertThat(sample.tags()).contains(Tag.of("path", "/v1.0/healthz"));
				assertThat(sample.value()).isEqualTo(1);
				assertThat(sample.kind()).isEqualTo(Kind.COUNTER);
			});
		assertThat(samples).extracting(SidecarSample::name)
			.contains("dapr.sidecar.component.pubsub.egress.count", "dapr.sidecar.http.server.latency.buckets");
	}

	@Test
	void boundsAreWrittenAsPrometheusWritesThem() {
		assertThat(SidecarSamples.format(5)).isEqualTo("5");
		assertThat(SidecarSamples.format(0.25)).isEqualTo("0.25");
		assertThat(SidecarSamples.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
	}

}
