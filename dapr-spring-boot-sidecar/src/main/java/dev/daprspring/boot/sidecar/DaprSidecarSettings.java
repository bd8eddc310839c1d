package dev.daprspring.boot.sidecar;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.component.DaprComponent;

/**
 * What a {@link DaprSidecar} runs with, fixed when it is built: a later change to its
 * builder does not reach it.
 *
 * @param ports the ports asked for, 0 for a free one
 * @param components by name, in the order added
 * @param unixDomainSockets whether the APIs are served on Unix domain sockets instead of TCP
 */
record DaprSidecarSettings(String appId, @Nullable Path daprd, @Nullable Integer appPort,
		@Nullable String appProtocol, @Nullable String appHealthCheckPath, SidecarPorts ports, boolean metrics,
		Map<String, DaprComponent> components, List<Path> resourcesPaths, @Nullable String configuration,
		@Nullable String apiToken, @Nullable String appApiToken, String logLevel, Duration startupTimeout,
		Duration shutdownTimeout, List<String> arguments, Map<String, String> environment,
		@Nullable Path workDirectory, @Nullable String placementAddress, @Nullable String schedulerAddress,
		boolean unixDomainSockets) {

	DaprSidecarSettings {
		// Copies keep the order, which Map.copyOf would not.
		components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
		resourcesPaths = List.copyOf(resourcesPaths);
		arguments = List.copyOf(arguments);
		environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
	}

}
