package dev.daprspring.boot.actuate.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daprspring.boot.autoconfigure.actuate.metrics.DaprSidecarMetricsProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bridge's schedule and staleness against an in-process HTTP server standing in for
 * the metrics port (the integration tests use a real daprd).
 */
@ExtendWith(OutputCaptureExtension.class)
class DaprSidecarMetricsBridgeTests {

	private static final DaprSidecarMetricsProperties DEFAULTS = new DaprSidecarMetricsProperties();

	private static final String PROTOBUF = "application/vnd.google.protobuf; "
			+ "proto=io.prometheus.client.MetricFamily; encoding=delimited; escaping=underscores";

	private final AtomicReference<Answer> answer = new AtomicReference<>(
			new Answer(200, PROTOBUF, Families.delimited(List.of(Families.counter("dapr_requests", 1)))));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MutableClock clock = new MutableClock();

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			Answer current = this.answer.get();
			exchange.getResponseHeaders().add("Content-Type", current.contentType());
			exchange.sendResponseHeaders(current.status(), current.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(current.body());
			}
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void metersKeepTheirLastValuesWhileTheSidecarIsGoneThenAreRemovedAfterStaleAfterAndComeBack(
			CapturedOutput output) {
		DaprSidecarMetricsBridge bridge = bridge(Duration.ofMinutes(1));
		bridge.scrapeOnce();
		assertThat(this.registry.get("dapr.sidecar.requests").functionCounter().count()).isEqualTo(1);
		this.answer.set(new Answer(500, "text/plain", new byte[0]));
		this.clock.advance(Duration.ofSeconds(30));
		bridge.scrapeOnce();
		this.clock.advance(Duration.ofSeconds(20));
		bridge.scrapeOnce();
		assertThat(this.registry.get("dapr.sidecar.requests").functionCounter().count()).isEqualTo(1);
		assertThat(output).containsOnlyOnce("answered 500 instead of 200");
		this.clock.advance(Duration.ofSeconds(10));
		bridge.scrapeOnce();
		assertThat(this.registry.find("dapr.sidecar.requests").meter()).isNull();
		this.answer.set(new Answer(200, PROTOBUF, Families.delimited(List.of(Families.counter("dapr_requests", 4)))));
		bridge.scrapeOnce();
		assertThat(this.registry.get("dapr.sidecar.requests").functionCounter().count()).isEqualTo(4);
		assertThat(output).contains("reads " + endpoint() + " again");
	}

	@Test
	void aTruncatedScrapeChangesNothing() {
		DaprSidecarMetricsBridge bridge = bridge(Duration.ofMinutes(1));
		bridge.scrapeOnce();
		byte[] two = Families.delimited(List.of(Families.counter("dapr_requests", 9), Families.gauge("dapr_other", 1)));
		this.answer.set(new Answer(200, PROTOBUF, Arrays.copyOf(two, two.length - 3)));
		bridge.scrapeOnce();
		assertThat(this.registry.get("dapr.sidecar.requests").functionCounter().count()).isEqualTo(1);
		assertThat(this.registry.find("dapr.sidecar.other").meter()).isNull();
	}

	@Test
	void anEndpointThatAnswersTextIsNamedWithWhatWouldBeRight(CapturedOutput output) {
		this.answer.set(new Answer(200, "text/plain; version=0.0.4", "x 1\n".getBytes()));
		bridge(Duration.ofMinutes(1)).scrapeOnce();
		assertThat(output).contains("answered Content-Type text/plain; version=0.0.4")
			.contains("Prometheus protobuf format")
			.contains("dapr.sidecar.metrics.endpoint");
		assertThat(this.registry.getMeters()).isEmpty();
	}

	@Test
	void startReadsOnADaemonThreadAndStopRemovesTheMeters() {
		DaprSidecarMetricsBridge bridge = new DaprSidecarMetricsBridge(this.registry,
				settings(Duration.ofMinutes(1), Duration.ofMillis(100)));
		bridge.start();
		try {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.registry.find("dapr.sidecar.requests").functionCounter() != null);
			// Other tests' cached application contexts may run bridges of their own.
			assertThat(Thread.getAllStackTraces().keySet()).filteredOn((t) -> t.getName().equals("dapr-sidecar-metrics"))
				.isNotEmpty()
				.allSatisfy((thread) -> assertThat(thread.isDaemon()).isTrue());
		}
		finally {
			bridge.stop();
		}
		assertThat(bridge.isRunning()).isFalse();
		assertThat(this.registry.getMeters()).isEmpty();
	}

	private DaprSidecarMetricsBridge bridge(Duration staleAfter) {
		return new DaprSidecarMetricsBridge(this.registry, settings(staleAfter, DEFAULTS.getInterval()), this.clock);
	}

	// The property defaults, with this test's endpoint.
	private SidecarMetricsSettings settings(Duration staleAfter, Duration interval) {
		return new SidecarMetricsSettings(endpoint(), interval, DEFAULTS.getTimeout(), staleAfter,
				DEFAULTS.getMaxSeries(), DEFAULTS.getInclude(), DEFAULTS.getExclude());
	}

	private String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/";
	}

	record Answer(int status, String contentType, byte[] body) {

	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
