package dev.daprspring.boot.autoconfigure.actuate.metrics;

import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daprspring.boot.autoconfigure.actuate.metrics.SidecarSample.Kind;
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

	private static SidecarSample counter(String name, double value) {
		return new SidecarSample(name, Tags.empty(), Kind.COUNTER, value, "");
	}

	private static SidecarSample gauge(String name, double value) {
		return new SidecarSample(name, Tags.empty(), Kind.GAUGE, value, "");
	}

}
