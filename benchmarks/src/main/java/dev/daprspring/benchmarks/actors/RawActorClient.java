package dev.daprspring.benchmarks.actors;

import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.dapr.v1.DaprActorsProtos.InvokeActorRequest;
import io.dapr.v1.DaprActorsProtos.InvokeActorResponse;
import io.dapr.v1.DaprGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.client.DaprChannels;
import dev.daprspring.core.client.DaprClientOptions;

/**
 * The baseline: the generated blocking stub's {@code InvokeActor} on a channel with the
 * application's settings ({@code DaprChannels} and the application's
 * {@code DaprClientOptions}), sending the payload's JSON written by the application's
 * mapper before the measurement and checking the answer's bytes are the same: no JSON
 * work per call, no timeout, observation, call policy or error translation.
 */
final class RawActorClient extends ActorClient {

	private static final Metadata.Key<String> API_TOKEN = Metadata.Key.of("dapr-api-token",
			Metadata.ASCII_STRING_MARSHALLER);

	private final ManagedChannel channel;

	private final DaprGrpc.DaprBlockingStub dapr;

	private final JsonMapper json;

	private final ByteString payload;

	private final String method;

	private final boolean jsonPerCall;

	/**
	 * @param save whether to call {@link Echo#ECHO_AND_SAVE} instead of {@link Echo#ECHO}
	 * @param jsonPerCall whether to write the payload and read the answer with the mapper
	 * on every call, as a hand-written typed client would
	 */
	RawActorClient(String name, DaprClientOptions options, JsonMapper json, ActorIds ids, boolean save,
			boolean jsonPerCall) {
		super(name, ids);
		this.channel = DaprChannels.create(options);
		DaprGrpc.DaprBlockingStub stub = DaprGrpc.newBlockingStub(this.channel);
		if (options.apiToken() != null) {
			Metadata headers = new Metadata();
			headers.put(API_TOKEN, options.apiToken());
			stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
		}
		this.dapr = stub;
		this.json = json;
		this.payload = ByteString.copyFrom(json.writeValueAsBytes(Payload.SAMPLE));
		this.method = save ? Echo.ECHO_AND_SAVE : Echo.ECHO;
		this.jsonPerCall = jsonPerCall;
	}

	@Override
	void call(int index) {
		ByteString data = this.jsonPerCall ? UnsafeByteOperations.unsafeWrap(this.json.writeValueAsBytes(Payload.SAMPLE))
				: this.payload;
		InvokeActorResponse response = this.dapr.invokeActor(InvokeActorRequest.newBuilder()
			.setActorType(Echo.TYPE)
			.setActorId(ids().id(index))
			.setMethod(this.method)
			.setData(data)
			.build());
		if (this.jsonPerCall) {
			Payload answer = this.json.readValue(response.getData().toByteArray(), Payload.class);
			if (!Payload.SAMPLE.equals(answer)) {
				throw unexpected(index, answer);
			}
		}
		else if (!this.payload.equals(response.getData())) {
			throw unexpected(index, response.getData().toStringUtf8());
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
	}

}
