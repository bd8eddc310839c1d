package dev.daprspring.boot.sidecar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The daprd command line for a sidecar's settings and the ports of one start. The API
 * listens on loopback only.
 */
final class DaprdCommandLine {

	private DaprdCommandLine() {
	}

	/**
	 * @param socketDirectory where daprd creates its API sockets, or {@code null} for TCP
	 */
	static List<String> of(Path daprd, DaprSidecarSettings settings, SidecarPorts ports, List<String> resourcesFolders,
			@Nullable Path configFile, @Nullable Path socketDirectory) {
		List<String> command = new ArrayList<>(List.of(daprd.toString(), "--app-id", settings.appId(),
				"--dapr-http-port", String.valueOf(ports.http()), "--dapr-grpc-port", String.valueOf(ports.grpc()),
				"--dapr-internal-grpc-port", String.valueOf(ports.internalGrpc()), "--dapr-listen-addresses",
				"127.0.0.1", "--log-level", settings.logLevel(), "--enable-metrics",
				String.valueOf(settings.metrics())));
		if (settings.metrics()) {
			command.addAll(List.of("--metrics-port", String.valueOf(ports.metrics())));
		}
		addIfSet(command, "--app-port", settings.appPort());
		addIfSet(command, "--app-protocol", settings.appProtocol());
		if (settings.appHealthCheckPath() != null) {
			command.addAll(List.of("--enable-app-health-check", "--app-health-check-path",
					settings.appHealthCheckPath()));
		}
		for (String folder : resourcesFolders) {
			command.addAll(List.of("--resources-path", folder));
		}
		addIfSet(command, "--config", configFile);
		addIfSet(command, "--placement-host-address", settings.placementAddress());
		addIfSet(command, "--scheduler-host-address", settings.schedulerAddress());
		if (socketDirectory != null) {
			// On sockets daprd stops listening on TCP for its APIs; its public server (health
			// endpoints only) takes the HTTP port, so readiness checks and curl still find it.
			command.addAll(List.of("--unix-domain-socket", socketDirectory.toString(), "--dapr-public-port",
					String.valueOf(ports.http()), "--dapr-public-listen-address", "127.0.0.1"));
		}
		command.addAll(settings.arguments());
		return command;
	}

	private static void addIfSet(List<String> command, String flag, @Nullable Object value) {
		if (value != null) {
			command.addAll(List.of(flag, value.toString()));
		}
	}

}
