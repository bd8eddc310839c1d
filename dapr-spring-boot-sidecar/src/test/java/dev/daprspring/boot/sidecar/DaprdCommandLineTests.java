package dev.daprspring.boot.sidecar;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daprd command line a sidecar's settings make.
 */
class DaprdCommandLineTests {

	private static final Path DAPRD = Path.of("/opt/dapr/daprd");

	private static final SidecarPorts PORTS = new SidecarPorts(3500, 50001, 50002, 9090);

	@Test
	void theDefaultsListenOnLoopbackWithMetrics() {
		assertThat(DaprdCommandLine.of(DAPRD, DaprSidecar.builder("orders").settings(), PORTS, List.of("/r"), null, null))
			.containsExactly("/opt/dapr/daprd", "--app-id", "orders", "--dapr-http-port", "3500", "--dapr-grpc-port",
					"50001", "--dapr-internal-grpc-port", "50002", "--dapr-listen-addresses", "127.0.0.1",
					"--log-level", "info", "--enable-metrics", "true", "--metrics-port", "9090", "--resources-path",
					"/r");
	}

	@Test
	void everySettingBecomesItsFlagAndExtraArgumentsComeLast() {
		DaprSidecarSettings settings = DaprSidecar.builder("orders")
			.appPort(8080)
			.appProtocol("grpc")
			.appHealthCheck("/health")
			.metrics(false)
			.logLevel("debug")
			.placement("127.0.0.1:50005")
			.scheduler("127.0.0.1:50006")
			.arguments("--max-body-size", "8Mi")
			.settings();
		assertThat(DaprdCommandLine.of(DAPRD, settings, PORTS, List.of("/a", "/b"), Path.of("/w/config.yaml"),
				null))
			.containsExactly("/opt/dapr/daprd", "--app-id", "orders", "--dapr-http-port", "3500", "--dapr-grpc-port",
					"50001", "--dapr-internal-grpc-port", "50002", "--dapr-listen-addresses", "127.0.0.1",
					"--log-level", "debug", "--enable-metrics", "false", "--app-port", "8080", "--app-protocol", "grpc",
					"--enable-app-health-check", "--app-health-check-path", "/health", "--resources-path", "/a",
					"--resources-path", "/b", "--config", "/w/config.yaml", "--placement-host-address",
					"127.0.0.1:50005", "--scheduler-host-address", "127.0.0.1:50006", "--max-body-size", "8Mi");
	}

	@Test
	void onUnixDomainSocketsTheHttpPortServesTheHealthEndpoints() {
		DaprSidecarSettings settings = DaprSidecar.builder("orders").metrics(false).unixDomainSockets(true).settings();
		assertThat(DaprdCommandLine.of(DAPRD, settings, PORTS, List.of("/r"), null, Path.of("/tmp/s")))
			.containsSequence("--unix-domain-socket", "/tmp/s", "--dapr-public-port", "3500",
					"--dapr-public-listen-address", "127.0.0.1");
	}

}
