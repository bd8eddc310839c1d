package dev.daprspring.boot.sidecar;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Choosing daprd's ports: free ones for 0, chosen ones checked before daprd runs.
 */
class SidecarPortsTests {

	@Test
	void zerosAreReplacedByDistinctFreePortsAndChosenOnesAreKept() {
		SidecarPorts ports = new SidecarPorts(0, 0, 0, 0).withFreeChoices(null);
		assertThat(Set.of(ports.http(), ports.grpc(), ports.internalGrpc(), ports.metrics())).hasSize(4)
			.doesNotContain(0);
		assertThat(new SidecarPorts(3500, 0, 0, 0).withFreeChoices(null).http()).isEqualTo(3500);
		assertThat(ports.withFreeChoices(null)).isEqualTo(ports);
	}

	@Test
	void aFreeChoiceIsLeftWhileAnyPortIsZero() {
		assertThat(SidecarPorts.FREE.hasFreeChoice()).isTrue();
		assertThat(new SidecarPorts(1, 2, 3, 0).hasFreeChoice()).isTrue();
		assertThat(new SidecarPorts(1, 2, 3, 4).hasFreeChoice()).isFalse();
	}

	@Test
	void aChosenPortInUseIsNamed() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();
			assertThatExceptionOfType(DaprSidecarException.class)
				.isThrownBy(() -> new SidecarPorts(0, 0, port, 0).requireChosenFree("app", true))
				.withMessage("Cannot start daprd for app 'app': its internal gRPC port " + port
						+ " is already in use by another process. Choose another port, or 0 for a free one.");
			// The metrics port is not bound when metrics are off.
			assertThatNoException().isThrownBy(() -> new SidecarPorts(0, 0, 0, port).requireChosenFree("app", false));
		}
	}

}
