package dev.daprspring.core.client;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The {@code unix:} endpoint form, for a sidecar that serves its APIs on Unix domain sockets
 * ({@code daprd --unix-domain-socket DIR} creates {@code DIR/dapr-<app-id>-grpc.socket} and
 * {@code DIR/dapr-<app-id>-http.socket}). Accepted as {@code unix:/abs/path} and
 * {@code unix:///abs/path}, as gRPC's own name resolver spells them.
 */
public final class UnixSocketEndpoint {

	/** The prefix that marks a Unix domain socket endpoint. */
	public static final String SCHEME = "unix:";

	private UnixSocketEndpoint() {
	}

	/**
	 * The socket's absolute path, or {@code null} when the endpoint is not a {@code unix:} one.
	 * @throws IllegalArgumentException when it is, but names no absolute path
	 */
	public static @Nullable String path(String endpoint) {
		if (!endpoint.startsWith(SCHEME)) {
			return null;
		}
		String path = endpoint.substring(SCHEME.length());
		if (path.startsWith("//")) {
			path = path.substring(2);
		}
		if (!path.startsWith("/") || path.length() == 1) {
			throw new IllegalArgumentException("Invalid Unix domain socket endpoint '" + endpoint
					+ "': expected unix:/absolute/path/to/socket, for example unix:/tmp/dapr-orders-grpc.socket");
		}
		return path;
	}

	/**
	 * Checks that Netty's native epoll transport, which gRPC needs for a socket, is on the
	 * classpath.
	 * @throws IllegalStateException naming the dependency to add
	 */
	static void requireEpoll() {
		requireEpoll(UnixSocketEndpoint.class.getClassLoader());
	}

	static void requireEpoll(@Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent("io.netty.channel.epoll.Epoll", classLoader)) {
			throw new IllegalStateException("Connecting to the Dapr sidecar over a Unix domain socket needs Netty's "
					+ "native epoll transport on the classpath: add io.netty:netty-transport-native-epoll with "
					+ "classifier linux-x86_64 (or linux-aarch_64) to the application, or use a TCP endpoint such as "
					+ "http://127.0.0.1:50001");
		}
	}

	/**
	 * An HTTP client of the socket; close it when done.
	 * @throws IllegalStateException naming the dependency to add when Jetty's client is missing
	 */
	public static UnixSocketHttp http(String socketPath) {
		requireHttpClient(socketPath, UnixSocketEndpoint.class.getClassLoader());
		return new UnixSocketHttp(socketPath);
	}

	static void requireHttpClient(String socketPath, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent("org.eclipse.jetty.client.HttpClient", classLoader)) {
			throw new IllegalStateException("Calling the Dapr sidecar's HTTP API over a Unix domain socket ("
					+ socketPath + ") needs Jetty's HTTP client on the classpath: add org.eclipse.jetty:jetty-client "
					+ "to the application, or use a TCP HTTP endpoint such as http://127.0.0.1:3500");
		}
	}

	/** The endpoint for a socket path. */
	public static String of(String path) {
		return SCHEME + path;
	}

}
