package dev.daprspring.boot.actuate.metrics;

import java.io.IOException;
import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.CountingMode;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daprspring.boot.actuate.metrics.SidecarSample.Kind;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.Assert;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SidecarMetersTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void countersBecomeFunctionCountersAndGaugesGaugesThatFollowLaterScrapes() {
		SidecarMeters meters = new SidecarMeters(this.registry, 100);
		meters.update(List.of(counter("dapr.sidecar.requests", 1), gauge("dapr.sidecar.actors", 4)));
		FunctionCounter requests = this.registry.get("dapr.sidecar.requests").functionCounter();
		Gauge actors = this.registry.get("dapr.sidecar.actors").gauge();
		assertThat(requests.count()).isEqualTo(1);
		assertThat(actors.value()).isEqualTo(4);
		meters.update(List.of(counter("dapr.sidecar.requests", 5), gauge("dapr.sidecar.actors", 2)));
		assertThat(requests.count()).isEqualTo(5);
		assertThat(actors.value()).isEqualTo(2);
		assertThat(this.registry.getMeters()).hasSize(2);
	}

	@Test
	void aSeriesTheSidecarNoLongerHasIsRemoved() {
		SidecarMeters meters = new SidecarMeters(this.registry, 100);
		meters.update(List.of(counter("dapr.sidecar.a", 1), counter("dapr.sidecar.b", 1)));
		meters.update(List.of(counter("dapr.sidecar.a", 2)));
		assertThat(this.registry.find("dapr.sidecar.b").meter()).isNull();
		assertThat(this.registry.get("dapr.sidecar.a").functionCounter().count()).isEqualTo(2);
		meters.removeAll();
		assertThat(this.registry.getMeters()).isEmpty();
	}

	@Test
	void atMostMaxSeriesAreRegisteredAndTheLimitIsLoggedOnce(CapturedOutput output) {
		SidecarMeters meters = new SidecarMeters(this.registry, 2);
		List<SidecarSample> three = List.of(counter("dapr.sidecar.a", 1), counter("dapr.sidecar.b", 1),
				counter("dapr.sidecar.c", 1));
		meters.update(three);
		meters.update(three);
		assertThat(this.registry.getMeters()).hasSize(2);
		assertThat(output).containsOnlyOnce("dapr.sidecar.metrics.max-series=2; 1 are left out");
	}

	@Test
	void aSeriesTheRegistryRefusesIsLeftOutWithOneWarning(CapturedOutput output) {
		this.registry.config().meterFilter(new MeterFilter() {
			@Override
			public Meter.Id map(Meter.Id id) {
				Assert.isTrue(id.getTag("b") == null, "tag keys must not change");
				return id;
			}
		});
		SidecarMeters meters = new SidecarMeters(this.registry, 100);
		SidecarSample first = new SidecarSample("dapr.sidecar.x", Tags.of("a", "1"), Kind.COUNTER, 1, "");
		SidecarSample otherKeys = new SidecarSample("dapr.sidecar.x", Tags.of("b", "1"), Kind.COUNTER, 1, "");
		meters.update(List.of(first, otherKeys));
		meters.update(List.of(first, otherKeys));
		assertThat(meters.size()).isEqualTo(1);
		assertThat(output).containsOnlyOnce("cannot register dapr.sidecar.x").contains("tag keys must not change");
	}

	@Test
	void prometheusShowsBridgedHistogramsWithTheirBucketsAndCountersWithTotal() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		SidecarMeters meters = new SidecarMeters(prometheus, 100);
		SidecarSamples samples = new SidecarSamples(List.of(), List.of());
		meters.update(samples.samples(List.of(
				Families.histogram("dapr_http_server_latency", 2, 3.5, new double[] { 1, Double.POSITIVE_INFINITY },
						new long[] { 1, 2 }, "path", "/v1.0/healthz"),
				Families.counter("dapr_component_state_count", 3, "operation", "set"))));
		String scrape = prometheus.scrape();
		assertThat(scrape)
			.contains("dapr_sidecar_http_server_latency_buckets_total{le=\"+Inf\",path=\"/v1.0/healthz\"} 2.0")
			.contains("dapr_sidecar_http_server_latency_buckets_total{le=\"1\",path=\"/v1.0/healthz\"} 1.0")
			.contains("dapr_sidecar_http_server_latency_sum_total{path=\"/v1.0/healthz\"} 3.5")
			.contains("dapr_sidecar_http_server_latency_count_total{path=\"/v1.0/healthz\"} 2.0")
			.contains("dapr_sidecar_component_state_count_total{operation=\"set\"} 3.0");
	}

	@Test
	void aNegativeCounterIsLeftOutWhileItLastsSoAPrometheusScrapeNeverFails(CapturedOutput output) {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		SidecarMeters meters = new SidecarMeters(prometheus, 100);
		SidecarSamples samples = new SidecarSamples(List.of(), List.of());
		// daprd adds -1 ("unknown length") to the sum for an app response without Content-Length.
		meters.update(samples.samples(List.of(Families.histogram("dapr_http_client_received_bytes", 1, -1,
				new double[] { 1024 }, new long[] { 1 }))));
		meters.update(samples.samples(List.of(Families.histogram("dapr_http_client_received_bytes", 1, -1,
				new double[] { 1024 }, new long[] { 1 }))));
		assertThat(prometheus.scrape()).contains("dapr_sidecar_http_client_received_bytes_count_total 1.0")
			.doesNotContain("dapr_sidecar_http_client_received_bytes_sum_total");
		assertThat(output).containsOnlyOnce("The sidecar reports dapr.sidecar.http.client.received.bytes.sum[] = -1.0, "
				+ "but a counter cannot be negative");
		meters.update(samples.samples(List.of(Families.histogram("dapr_http_client_received_bytes", 2, 134,
				new double[] { 1024 }, new long[] { 2 }))));
		assertThat(prometheus.scrape()).contains("dapr_sidecar_http_client_received_bytes_sum_total 134.0");
		meters.update(samples.samples(List.of(Families.histogram("dapr_http_client_received_bytes", 3, -2,
				new double[] { 1024 }, new long[] { 3 }))));
		assertThat(prometheus.scrape()).contains("dapr_sidecar_http_client_received_bytes_count_total 3.0")
			.doesNotContain("dapr_sidecar_http_client_received_bytes_sum_total");
	}

	@Test
	void theScrapeOfADaprdWithANegativeHistogramSumLeavesOnlyThatSeriesOut() throws IOException {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		SidecarMeters meters = new SidecarMeters(prometheus, 2000);
		List<SidecarSample> scrape = new SidecarSamples(List.of(), List.of("go_*"))
			.samples(PrometheusProtobuf.decode(Families.daprdScrapeWithANegativeHistogramSum()));
		assertThat(scrape).filteredOn((sample) -> sample.kind() == Kind.COUNTER && sample.value() < 0)
			.extracting(SidecarSample::name)
			.containsExactly("dapr.sidecar.http.client.received.bytes.sum");
		meters.update(scrape);
		assertThat(meters.size()).isEqualTo(scrape.size() - 1);
		assertThat(prometheus.scrape())
			.contains("dapr_sidecar_http_client_received_bytes_count_total{app_id=\"negprobe\"} 1.0")
			.contains("dapr_sidecar_runtime_component_loaded_total{app_id=\"negprobe\"} 2.0");
	}

	@Test
	void aCounterThatGoesDownIsRegisteredAnewSoAStepRegistryCountsFromTheReset() {
		MockClock clock = new MockClock();
		SimpleMeterRegistry step = new SimpleMeterRegistry(new SimpleConfig() {
			@Override
			public @Nullable String get(String key) {
				return null;
			}

			@Override
			public CountingMode mode() {
				return CountingMode.STEP;
			}
		}, clock);
		SidecarMeters meters = new SidecarMeters(step, 100);
		meters.update(List.of(counter("dapr.sidecar.requests", 10)));
		clock.add(SimpleConfig.DEFAULT.step());
		assertThat(step.get("dapr.sidecar.requests").functionCounter().count()).isEqualTo(10);
		// daprd restarted and has counted 3 requests since.
		meters.update(List.of(counter("dapr.sidecar.requests", 3)));
		clock.add(SimpleConfig.DEFAULT.step());
		assertThat(step.get("dapr.sidecar.requests").functionCounter().count()).isEqualTo(3);
		assertThat(step.getMeters()).hasSize(1);
	}

	@Test
	void prometheusSeesACounterResetAsADrop() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		SidecarMeters meters = new SidecarMeters(prometheus, 100);
		meters.update(List.of(counter("dapr.sidecar.requests", 10)));
		meters.update(List.of(counter("dapr.sidecar.requests", 3)));
		assertThat(prometheus.scrape()).contains("dapr_sidecar_requests_total 3.0");
		meters.update(List.of(counter("dapr.sidecar.requests", 4)));
		assertThat(prometheus.scrape()).contains("dapr_sidecar_requests_total 4.0");
	}

	private static SidecarSample counter(String name, double value) {
		return new SidecarSample(name, Tags.empty(), Kind.COUNTER, value, "");
	}

	private static SidecarSample gauge(String name, double value) {
		return new SidecarSample(name, Tags.empty(), Kind.GAUGE, value, "");
	}

}
