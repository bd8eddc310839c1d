package dev.daprspring.boot.sidecar.controlplane;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Dapr's scheduler (reminders, jobs, workflows) as a child process, on loopback, with its
 * embedded etcd on free ports and its data in its own work folder, kept across
 * {@link #restart()}. Give its {@link #address()} to sidecars with
 * {@code DaprSidecar.Builder#scheduler(String)}.
 */
public final class DaprScheduler extends DaprControlPlaneService {

	private int etcdClientPort;

	private int etcdPeerPort;

	/** A scheduler on free ports, found beside daprd. */
	public DaprScheduler() {
		this(null, 0, Duration.ofSeconds(30));
	}

	/**
	 * @param binary the scheduler executable, or {@code null} to use the one beside daprd
	 * @param port the gRPC port sidecars connect to, or 0 for a free one
	 * @param startupTimeout how long to wait for it to answer {@code /healthz}
	 */
	public DaprScheduler(@Nullable Path binary, int port, Duration startupTimeout) {
		super("scheduler", binary, port, startupTimeout);
	}

	@Override
	int extraPortCount() {
		return 2;
	}

	@Override
	void assignExtraPorts(int[] ports) {
		this.etcdClientPort = ports[0];
		this.etcdPeerPort = ports[1];
	}

	@Override
	List<String> arguments(Path workDirectory) {
		return List.of("--listen-address", "127.0.0.1", "--healthz-listen-address", "127.0.0.1",
				"--metrics-listen-address", "127.0.0.1", "--etcd-data-dir", workDirectory.resolve("etcd").toString(),
				"--etcd-client-port", String.valueOf(this.etcdClientPort), "--etcd-client-listen-address", "127.0.0.1",
				"--etcd-initial-cluster", "dapr-scheduler-server-0=http://127.0.0.1:" + this.etcdPeerPort);
	}

}
