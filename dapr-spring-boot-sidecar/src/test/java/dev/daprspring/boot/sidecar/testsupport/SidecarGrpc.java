package dev.daprspring.boot.sidecar.testsupport;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.dapr.v1.DaprGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import org.jspecify.annotations.Nullable;

/**
 * A plain gRPC channel to a sidecar with the generated Dapr stubs, for tests that check
 * the sidecar itself rather than this project's client.
 */
public final class SidecarGrpc implements AutoCloseable {

	private static final Metadata.Key<String> API_TOKEN = Metadata.Key.of("dapr-api-token",
			Metadata.ASCII_STRING_MARSHALLER);

	private final ManagedChannel channel;

	private final @Nullable String apiToken;

	public SidecarGrpc(String endpoint, @Nullable String apiToken) {
		URI uri = URI.create(endpoint);
		this.channel = ManagedChannelBuilder.forAddress(uri.getHost(), uri.getPort()).usePlaintext().build();
		this.apiToken = apiToken;
	}

	public DaprGrpc.DaprBlockingStub blocking() {
		DaprGrpc.DaprBlockingStub stub = DaprGrpc.newBlockingStub(this.channel).withDeadlineAfter(10, TimeUnit.SECONDS);
		return (this.apiToken != null) ? stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(token()))
				: stub;
	}

	public DaprGrpc.DaprStub async() {
		DaprGrpc.DaprStub stub = DaprGrpc.newStub(this.channel);
		return (this.apiToken != null) ? stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(token()))
				: stub;
	}

	private Metadata token() {
		Metadata headers = new Metadata();
		headers.put(API_TOKEN, this.apiToken);
		return headers;
	}

	@Override
	public void close() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

}
