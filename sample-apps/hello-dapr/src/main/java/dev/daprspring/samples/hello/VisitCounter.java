package dev.daprspring.samples.hello;

import java.net.URI;

import com.google.protobuf.ByteString;
import io.dapr.v1.CommonProtos.Etag;
import io.dapr.v1.CommonProtos.StateItem;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprStateProtos.GetStateRequest;
import io.dapr.v1.DaprStateProtos.GetStateResponse;
import io.dapr.v1.DaprStateProtos.SaveStateRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.annotation.PreDestroy;

import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import org.springframework.stereotype.Component;

/**
 * Counts visits in the {@code statestore} component, retrying on ETag conflicts so
 * concurrent requests never lose a count. Uses the generated gRPC stubs directly until
 * {@code DaprTemplate} exists.
 */
@Component
class VisitCounter {

	private static final String STORE = "statestore";

	private final ManagedChannel channel;

	private final DaprGrpc.DaprBlockingStub dapr;

	VisitCounter(DaprConnectionDetails connection) {
		URI endpoint = URI.create(connection.getGrpcEndpoint());
		this.channel = ManagedChannelBuilder.forAddress(endpoint.getHost(), endpoint.getPort()).usePlaintext().build();
		this.dapr = DaprGrpc.newBlockingStub(this.channel);
	}

	long increment(String page) {
		while (true) {
			GetStateResponse current = this.dapr
				.getState(GetStateRequest.newBuilder().setStoreName(STORE).setKey(page).build());
			long next = current.getData().isEmpty() ? 1 : Long.parseLong(current.getData().toStringUtf8()) + 1;
			StateItem.Builder item = StateItem.newBuilder()
				.setKey(page)
				.setValue(ByteString.copyFromUtf8(Long.toString(next)));
			if (!current.getEtag().isEmpty()) {
				item.setEtag(Etag.newBuilder().setValue(current.getEtag()));
			}
			try {
				this.dapr.saveState(SaveStateRequest.newBuilder().setStoreName(STORE).addStates(item).build());
				return next;
			}
			catch (StatusRuntimeException ex) {
				// ABORTED means another request saved first: read again and retry.
				if (ex.getStatus().getCode() != Status.Code.ABORTED) {
					throw ex;
				}
			}
		}
	}

	@PreDestroy
	void close() {
		this.channel.shutdown();
	}

}
