package dev.daprspring.boot.sidecar.controlplane;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Dapr's actor placement service as a child process, on loopback, with its Raft log in
 * memory. Give its {@link #address()} to sidecars with
 * {@code DaprSidecar.Builder#placement(String)}.
 *
 * <pre class="code">
 * try (DaprPlacement placement = new DaprPlacement()) {
 *     placement.start();
 *     DaprSidecar.builder("cart").placement(placement.address()).start();
 * }
 * </pre>
 */
public final class DaprPlacement extends DaprControlPlaneService {

	private int raftPort;

	/** A placement service on free ports, found beside daprd. */
	public DaprPlacement() {
		this(null, 0, Duration.ofSeconds(30));
	}

	/**
	 * @param binary the placement executable, or {@code null} to use the one beside daprd
	 * @param port the gRPC port sidecars connect to, or 0 for a free one
	 * @param startupTimeout how long to wait for it to answer {@code /healthz}
	 */
	public DaprPlacement(@Nullable Path binary, int port, Duration startupTimeout) {
		super("placement", binary, port, startupTimeout);
	}

	@Override
	int extraPortCount() {
		return 1;
	}

	@Override
	void assignExtraPorts(int[] ports) {
		this.raftPort = ports[0];
	}

	@Override
	List<String> arguments(Path workDirectory) {
		return List.of("--listen-address", "127.0.0.1", "--healthz-listen-address", "127.0.0.1",
				"--metrics-listen-address", "127.0.0.1", "--initial-cluster", "dapr-placement-0=127.0.0.1:" + this.raftPort);
	}

}
