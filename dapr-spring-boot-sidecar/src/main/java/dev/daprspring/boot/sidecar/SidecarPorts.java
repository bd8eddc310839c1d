package dev.daprspring.boot.sidecar;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * daprd's four ports; 0 stands for "a free one", chosen at the first start and kept
 * across restarts.
 */
record SidecarPorts(int http, int grpc, int internalGrpc, int metrics) {

	static final SidecarPorts FREE = new SidecarPorts(0, 0, 0, 0);

	/** Whether any port is left to be chosen, so that a clash can be retried on others. */
	boolean hasFreeChoice() {
		return this.http == 0 || this.grpc == 0 || this.internalGrpc == 0 || this.metrics == 0;
	}

	/**
	 * Fails, naming the port, when a port given explicitly is already in use: daprd's own
	 * message for it is buried in its log.
	 */
	void requireChosenFree(String appId, boolean metricsEnabled) {
		Map<String, Integer> chosen = new LinkedHashMap<>();
		chosen.put("HTTP port", this.http);
		chosen.put("gRPC port", this.grpc);
		chosen.put("internal gRPC port", this.internalGrpc);
		if (metricsEnabled) {
			chosen.put("metrics port", this.metrics);
		}
		chosen.forEach((role, port) -> {
			if (port != 0 && !Ports.isAvailable(port)) {
				throw new DaprSidecarException("Cannot start daprd for app '" + appId + "': its " + role + " " + port
						+ " is already in use by another process. Choose another port, or 0 for a free one.");
			}
		});
	}

	/** These ports with each 0 replaced by a free port that is not the app's. */
	SidecarPorts withFreeChoices(@Nullable Integer appPort) {
		// One spare, in case the system hands out the app's port, which may not be bound yet.
		int[] free = Arrays.stream(Ports.free(5)).filter((port) -> appPort == null || port != appPort).toArray();
		return new SidecarPorts(orFree(this.http, free[0]), orFree(this.grpc, free[1]),
				orFree(this.internalGrpc, free[2]), orFree(this.metrics, free[3]));
	}

	private static int orFree(int port, int free) {
		return (port != 0) ? port : free;
	}

}
