package dev.daprspring.core.client;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The {@code unix:} endpoint forms.
 */
class UnixSocketEndpointTests {

	@Test
	void bothSpellingsOfAnAbsolutePathAreAccepted() {
		assertThat(UnixSocketEndpoint.path("unix:/tmp/d/dapr-a-grpc.socket")).isEqualTo("/tmp/d/dapr-a-grpc.socket");
		assertThat(UnixSocketEndpoint.path("unix:///tmp/d/dapr-a-grpc.socket")).isEqualTo("/tmp/d/dapr-a-grpc.socket");
		DaprChannels.check("unix:/tmp/d/dapr-a-grpc.socket");
	}

	@Test
	void tcpEndpointsAreNotSockets() {
		assertThat(UnixSocketEndpoint.path("http://127.0.0.1:50001")).isNull();
		assertThat(UnixSocketEndpoint.path("127.0.0.1:50001")).isNull();
	}

	@Test
	void aRelativeOrEmptyPathIsRefusedWithAnExample() {
		assertThatIllegalArgumentException().isThrownBy(() -> UnixSocketEndpoint.path("unix:dapr.socket"))
			.withMessage("Invalid Unix domain socket endpoint 'unix:dapr.socket': expected "
					+ "unix:/absolute/path/to/socket, for example unix:/tmp/dapr-orders-grpc.socket");
		assertThatIllegalArgumentException().isThrownBy(() -> DaprChannels.check("unix:/"))
			.withMessageContaining("expected unix:/absolute/path/to/socket");
	}

	@Test
	void aBadTcpEndpointNamesTheSocketFormToo() {
		assertThatIllegalArgumentException().isThrownBy(() -> DaprChannels.check("ftp://x"))
			.withMessageContaining("or unix:/path/to/socket");
	}

	@Test
	void aMissingLibraryIsNamedWithTheDependencyToAdd() {
		// Sees the JDK only: neither Netty's epoll nor Jetty's client.
		ClassLoader bare = new ClassLoader(null) {
		};
		assertThatIllegalStateException().isThrownBy(() -> UnixSocketEndpoint.requireEpoll(bare))
			.withMessageContaining("add io.netty:netty-transport-native-epoll with classifier linux-x86_64");
		assertThatIllegalStateException()
			.isThrownBy(() -> UnixSocketEndpoint.requireHttpClient("/tmp/dapr-a-http.socket", bare))
			.withMessageContaining("(/tmp/dapr-a-http.socket) needs Jetty's HTTP client on the classpath: add "
					+ "org.eclipse.jetty:jetty-client");
		UnixSocketEndpoint.requireEpoll(getClass().getClassLoader());
		UnixSocketEndpoint.requireHttpClient("/tmp/dapr-a-http.socket", getClass().getClassLoader());
	}

	@Test
	void theSocketsHttpClientIsSharedAndNeverKeepsTheJvmAlive() {
		String socket = "/tmp/no-daprd-for-http-" + ProcessHandle.current().pid() + ".socket";
		UnixSocketHttp http = UnixSocketEndpoint.http(socket);
		assertThat(UnixSocketEndpoint.http(socket)).isSameAs(http);
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> http.get("/v1.0/healthz", Map.of(), Duration.ofSeconds(2)))
			.withMessageStartingWith(socket);
		// Nobody closes it (a RestClient per call uses it), so its threads must not hold the JVM.
		assertThat(Thread.getAllStackTraces().keySet())
			.filteredOn((thread) -> thread.getName().startsWith("dapr-uds-http"))
			.isNotEmpty()
			.allMatch(Thread::isDaemon);
	}

}
