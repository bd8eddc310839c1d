package dev.daprspring.benchmarks.actors;

import com.google.protobuf.ByteString;
import io.dapr.v1.DaprActorsProtos.InvokeActorRequest;
import io.dapr.v1.DaprActorsProtos.InvokeActorResponse;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;

/**
 * A variant of {@code raw} that makes the same call, with the same pre-written bytes,
 * through the application's {@link DaprTransport} (its client timeout, call policy and
 * error translation), as the proxy does: what the transport adds to {@code raw}, so that
 * what {@code proxy} adds beyond it is the proxy itself and the JSON work.
 */
final class TransportActorClient extends ActorClient {

	private static final DaprCall CALL = DaprCall.write("actors", "invoke", Echo.TYPE);

	private final DaprTransport transport;

	private final ByteString payload;

	TransportActorClient(String name, DaprTransport transport, JsonMapper json, ActorIds ids) {
		super(name, ids);
		this.transport = transport;
		this.payload = ByteString.copyFrom(json.writeValueAsBytes(Payload.SAMPLE));
	}

	@Override
	void call(int index) {
		InvokeActorRequest request = InvokeActorRequest.newBuilder()
			.setActorType(Echo.TYPE)
			.setActorId(ids().id(index))
			.setMethod(Echo.ECHO)
			.setData(this.payload)
			.build();
		InvokeActorResponse response = this.transport.call(CALL, (dapr) -> dapr.invokeActor(request));
		if (!this.payload.equals(response.getData())) {
			throw unexpected(index, response.getData().toStringUtf8());
		}
	}

}
