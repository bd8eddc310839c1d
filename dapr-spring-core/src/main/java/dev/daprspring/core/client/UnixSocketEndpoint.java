package dev.daprspring.core.client;

import java.util.ArrayList;
import java.util.List;

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

	private static final String EPOLL = "io.netty.channel.epoll.Epoll";

	private static final String JETTY_CLIENT = "org.eclipse.jetty.client.HttpClient";

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
		if (!ClassUtils.isPresent(EPOLL, classLoader)) {
			throw new IllegalStateException("Connecting to the Dapr sidecar over a Unix domain socket needs Netty's "
					+ "native epoll transport on the classpath: add io.netty:netty-transport-native-epoll with "
					+ "classifier linux-x86_64 (or linux-aarch_64) to the application, or use a TCP endpoint such as "
					+ "http://127.0.0.1:50001");
		}
	}

	/**
	 * The HTTP client of the socket, shared by the whole JVM.
	 * @throws IllegalStateException naming the dependency to add when Jetty's client is missing
	 */
	public static UnixSocketHttp http(String socketPath) {
		requireHttpClient(socketPath, UnixSocketEndpoint.class.getClassLoader());
		return UnixSocketHttp.of(socketPath);
	}

	static void requireHttpClient(String socketPath, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(JETTY_CLIENT, classLoader)) {
			throw new IllegalStateException("Calling the Dapr sidecar's HTTP API over a Unix domain socket ("
					+ socketPath + ") needs Jetty's HTTP client on the classpath: add org.eclipse.jetty:jetty-client "
					+ "to the application, or use a TCP HTTP endpoint such as http://127.0.0.1:3500");
		}
	}

	/**
	 * What a client on sockets needs and the class loader lacks, as the dependencies to add:
	 * Netty's epoll transport, loadable on this CPU, for gRPC, and Jetty's client for HTTP.
	 * @return empty when nothing is missing
	 */
	public static List<String> missingLibraries(@Nullable ClassLoader classLoader) {
		List<String> missing = new ArrayList<>();
		if (!ClassUtils.isPresent(EPOLL, classLoader)) {
			missing.add("io.netty:netty-transport-native-epoll (classifier linux-x86_64 or linux-aarch_64)");
		}
		else if (!epollRuns(classLoader)) {
			// The classes without a native file for this CPU (say linux-x86_64 on an ARM machine).
			missing.add("the netty-transport-native-epoll file for this CPU (" + System.getProperty("os.arch")
					+ "; epoll does not load)");
		}
		if (!ClassUtils.isPresent(JETTY_CLIENT, classLoader)) {
			missing.add("org.eclipse.jetty:jetty-client");
		}
		return missing;
	}

	// Reflection: this class must load without Netty's epoll classes.
	private static boolean epollRuns(@Nullable ClassLoader classLoader) {
		try {
			return (Boolean) ClassUtils.forName(EPOLL, classLoader).getMethod("isAvailable").invoke(null);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			return false;
		}
	}

}
