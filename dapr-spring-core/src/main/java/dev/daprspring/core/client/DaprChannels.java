package dev.daprspring.core.client;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;

/**
 * Creates the one gRPC channel an application shares for all calls to its sidecar.
 */
public final class DaprChannels {

	private static final int FLOW_CONTROL_WINDOW = 1024 * 1024;

	private DaprChannels() {
	}

	/**
	 * Creates a channel to the sidecar's gRPC endpoint.
	 * @param options where and how to connect
	 * @return a channel; close it with {@link ManagedChannel#shutdown()}
	 */
	public static ManagedChannel create(DaprClientOptions options) {
		String socket = UnixSocketEndpoint.path(options.grpcEndpoint());
		URI endpoint = null;
		NettyChannelBuilder builder;
		if (socket != null) {
			UnixSocketEndpoint.requireEpoll();
			builder = UnixSocketChannels.builder(socket);
		}
		else {
			endpoint = parse(options.grpcEndpoint());
			builder = NettyChannelBuilder.forAddress(endpoint.getHost(), endpoint.getPort());
		}
		builder.maxInboundMessageSize(options.maxInboundMessageSize())
			// Retries are the call policy's job (it knows which calls are safe to repeat);
			// gRPC's own would also buffer every request for a replay that never comes.
			.disableRetry()
			// A fixed window turns off BDP probing, whose pings the sidecar would answer on a
			// connection that never leaves the machine.
			.flowControlWindow(FLOW_CONTROL_WINDOW)
			.userAgent("dapr-spring-boot");
		if (endpoint != null && "https".equals(endpoint.getScheme())) {
			builder.useTransportSecurity();
		}
		else {
			builder.usePlaintext();
		}
		if (options.keepAliveTime() != null) {
			builder.keepAliveTime(options.keepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
				.keepAliveTimeout(options.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.keepAliveWithoutCalls(true);
		}
		return builder.build();
	}

	/**
	 * Checks an endpoint: a Unix domain socket ({@code unix:/path}, see
	 * {@link UnixSocketEndpoint}) or a TCP endpoint that {@link #parse} accepts.
	 * @throws IllegalArgumentException naming the accepted forms
	 */
	public static void check(String endpoint) {
		if (UnixSocketEndpoint.path(endpoint) == null) {
			parse(endpoint);
		}
	}

	/**
	 * Parses {@code http://host:port}, {@code https://host:port} or {@code host:port}
	 * (plaintext), the forms Dapr's SDKs accept in {@code DAPR_GRPC_ENDPOINT}.
	 */
	public static URI parse(String endpoint) {
		String candidate = endpoint.contains("://") ? endpoint : "http://" + endpoint;
		URI uri;
		try {
			uri = URI.create(candidate);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(invalid(endpoint), ex);
		}
		boolean knownScheme = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
		if (!knownScheme || uri.getHost() == null) {
			throw new IllegalArgumentException(invalid(endpoint));
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
		return URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + port);
	}

	private static String invalid(String endpoint) {
		return "Invalid Dapr gRPC endpoint '" + endpoint
				+ "': expected http://host:port (plaintext), https://host:port (TLS) or unix:/path/to/socket, "
				+ "for example http://127.0.0.1:50001";
	}

}
