package dev.daprspring.core.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.error.DaprException;

/**
 * Observations named {@code dapr.client.requests} with low-cardinality tags: building
 * block, operation, component and outcome.
 */
public class DefaultDaprClientObservationConvention implements DaprClientObservationConvention {

	/** The observation (and timer) name. */
	public static final String NAME = "dapr.client.requests";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(DaprClientObservationContext context) {
		return "dapr " + context.getCall().name();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(DaprClientObservationContext context) {
		DaprCall call = context.getCall();
		return KeyValues.of(KeyValue.of("dapr.building-block", call.buildingBlock()),
				KeyValue.of("dapr.operation", call.operation()),
				KeyValue.of("dapr.component", (call.component() != null) ? call.component() : "none"),
				KeyValue.of("outcome", outcome(context)));
	}

	private static String outcome(DaprClientObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return "success";
		}
		if (error instanceof DaprException dapr) {
			return dapr.getDetails().grpcCode().toLowerCase(java.util.Locale.ROOT);
		}
		return "error";
	}

}
