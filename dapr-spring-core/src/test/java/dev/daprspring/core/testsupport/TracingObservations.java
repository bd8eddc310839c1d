package dev.daprspring.core.testsupport;

import io.grpc.Metadata;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.transport.SenderContext;

import dev.daprspring.core.observation.DaprClientObservationContext;

/**
 * A test registry whose handler stands in for micrometer-tracing's propagating one: it
 * writes {@link #TRACEPARENT} into every client call's headers.
 */
public final class TracingObservations {

	public static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private TracingObservations() {
	}

	public static TestObservationRegistry registry() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<SenderContext<Metadata>>() {
			@Override
			public void onStart(SenderContext<Metadata> context) {
				context.getSetter().set(context.getCarrier(), "traceparent", TRACEPARENT);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof DaprClientObservationContext;
			}
		});
		return registry;
	}

}
