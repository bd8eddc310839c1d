package dev.daprspring.boot.autoconfigure.sidecar;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.SocketMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code dapr.sidecar.unix-domain-socket} without the libraries the sockets need, as in this
 * module's default test classpath ({@code UnixDomainSocketLaunchIntegrationTests} has them).
 */
class UnixDomainSocketChoiceTests {

	// Sees the JDK only: neither Netty's epoll nor Jetty's client.
	private final ClassLoader bare = new ClassLoader(null) {
	};

	@Test
	void autoStaysOnTcpWithoutTheLibraries() {
		assertThat(UnixDomainSocketChoice.use(SocketMode.AUTO, "Linux", this.bare)).isFalse();
	}

	@Test
	void alwaysNamesWhatIsMissing() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> UnixDomainSocketChoice.use(SocketMode.ALWAYS, "Linux", this.bare))
			.withMessage("dapr.sidecar.unix-domain-socket=always needs on the classpath "
					+ "io.netty:netty-transport-native-epoll (classifier linux-x86_64 or linux-aarch_64) and "
					+ "org.eclipse.jetty:jetty-client; or set it to auto (sockets when possible) or never (TCP)");
	}

	@Test
	void theDefaultIsAutoAndTheModuleTestsRunOnTcp() {
		assertThat(new DaprSidecarProperties().getUnixDomainSocket()).isEqualTo(SocketMode.AUTO);
		assertThat(UnixDomainSocketChoice.use(SocketMode.AUTO, "Linux", getClass().getClassLoader())).isFalse();
	}

}
