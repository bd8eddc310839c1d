package dev.daprspring.core.observation;

import io.grpc.Metadata;
import io.micrometer.observation.transport.SenderContext;

import dev.daprspring.core.client.DaprCall;

/**
 * The context of one observed call to the sidecar. Its carrier is the call's gRPC
 * metadata, so a tracing handler can add {@code traceparent} and {@code tracestate}.
 */
public class DaprClientObservationContext extends SenderContext<Metadata> {

	private final DaprCall call;

	public DaprClientObservationContext(DaprCall call, Metadata headers) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value);
			}
		});
		setCarrier(headers);
		this.call = call;
	}

	public DaprCall getCall() {
		return this.call;
	}

}
