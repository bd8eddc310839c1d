package dev.daprspring.boot.autoconfigure.messaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end with tracing on both sides: the application (OpenTelemetry through Micrometer
 * Tracing, wired by hand here) publishes inside a span, daprd (a Configuration with {@code samplingRate: "1"}
 * and a Zipkin endpoint nothing listens on) carries the trace into the CloudEvent's
 * {@code traceparent}, and the handler runs in a span of the publisher's trace, a child of
 * daprd's span rather than of the publisher's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "dapr.sidecar.launch=always")
class TraceContinuationIntegrationTests {

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	@Autowired
	Tracer tracer;

	@DynamicPropertySource
	static void tracingConfiguration(DynamicPropertyRegistry registry) throws IOException {
		Path config = Files.createTempFile("dapr-tracing", ".yaml");
		Files.writeString(config, """
				apiVersion: dapr.io/v1alpha1
				kind: Configuration
				metadata:
				  name: tracing
				spec:
				  tracing:
				    samplingRate: "1"
				    zipkin:
				      endpointAddress: "http://127.0.0.1:9/api/v2/spans"
				""");
		registry.add("dapr.sidecar.config", config::toString);
	}

	@Test
	void theHandlerRunsInThePublishersTraceContinuedThroughTheSidecar() throws Exception {
		Span publisher = this.tracer.nextSpan().name("publish order").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(publisher)) {
			this.dapr.pubsub().publish("traced-orders", "traced");
		}
		finally {
			publisher.end();
		}
		Delivery delivery = this.received.next("traced-orders");
		String traceId = publisher.context().traceId();
		assertThat(delivery.traceparent()).as("the CloudEvent's traceparent").startsWith("00-" + traceId + "-");
		assertThat(delivery.traceId()).as("the handler's trace").isEqualTo(traceId);
		assertThat(delivery.spanId()).isNotEqualTo(publisher.context().spanId());
		assertThat(delivery.parentId()).as("the handler span's parent, daprd's span")
			.isNotEqualTo(publisher.context().spanId())
			.isEqualTo(delivery.traceparent().split("-")[2]);
	}

	/**
	 * What the handler saw.
	 *
	 * @param traceparent the CloudEvent's {@code traceparent}
	 * @param traceId the trace of the span the handler ran in
	 * @param spanId that span
	 * @param parentId its parent
	 */
	record Delivery(String traceparent, String traceId, String spanId, String parentId) {
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Received.class, TracedHandlers.class })
	static class App {

		private final ContextPropagators propagators = ContextPropagators
			.create(W3CTraceContextPropagator.getInstance());

		private final io.opentelemetry.api.trace.Tracer otelTracer = OpenTelemetrySdk.builder()
			.setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOn()).build())
			.setPropagators(this.propagators)
			.build()
			.getTracer("trace-test");

		// OpenTelemetry through Micrometer Tracing, W3C propagation, every span sampled.
		@Bean
		Tracer tracer() {
			OtelCurrentTraceContext current = new OtelCurrentTraceContext();
			return new OtelTracer(this.otelTracer, current, (event) -> {
			}, new OtelBaggageManager(current, List.of(), List.of()));
		}

		@Bean
		ObservationRegistry observationRegistry(Tracer tracer) {
			Propagator propagator = new OtelPropagator(this.propagators, this.otelTracer);
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig()
				.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
						new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
						new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
						new DefaultTracingObservationHandler(tracer)));
			return registry;
		}

	}

	/**
	 * Records the trace the handler runs in.
	 */
	static class TracedHandlers {

		private final Received received;

		private final Tracer tracer;

		TracedHandlers(Received received, Tracer tracer) {
			this.received = received;
			this.tracer = tracer;
		}

		@Topic(name = "traced-orders")
		void order(CloudEvent<String> event) {
			Span current = this.tracer.currentSpan();
			Object traceparent = event.extensions().get("traceparent");
			this.received.add("traced-orders",
					new Delivery(String.valueOf(traceparent), (current != null) ? current.context().traceId() : "none",
							(current != null) ? current.context().spanId() : "none",
							(current != null) ? String.valueOf(current.context().parentId()) : "none"));
		}

	}

}
