package dev.daprspring.core.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
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

}
