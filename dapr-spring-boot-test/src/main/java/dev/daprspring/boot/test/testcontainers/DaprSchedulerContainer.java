package dev.daprspring.boot.test.testcontainers;

import java.util.List;

import org.testcontainers.utility.DockerImageName;

/**
 * Dapr's scheduler ({@code scheduler}: reminders, jobs, workflows) in a container, with its
 * embedded etcd keeping data inside the container. Give it to a {@link DaprContainer} with
 * {@link DaprContainer#withScheduler(DaprSchedulerContainer)}.
 */
public class DaprSchedulerContainer extends DaprControlPlaneContainer<DaprSchedulerContainer> {

	/** The scheduler gRPC port inside the container. */
	public static final int PORT = 50006;

	static final String DATA_DIRECTORY = "/var/lib/dapr/scheduler";

	private static final DockerImageName SCHEDULER = DockerImageName.parse("daprio/scheduler");

	/** A container of {@link DaprImages#SCHEDULER}, reached as {@code scheduler}. */
	public DaprSchedulerContainer() {
		this(DockerImageName.parse(DaprImages.SCHEDULER));
	}

	/** A container of the given image, which must be {@code daprio/scheduler} or declared a substitute. */
	public DaprSchedulerContainer(DockerImageName image) {
		super(image, SCHEDULER, PORT, "scheduler");
	}

	@Override
	List<String> commandLine() {
		// Other containers reach it on the network: listen beyond the container's loopback.
		return List.of("./scheduler", "--port", String.valueOf(PORT), "--healthz-port", String.valueOf(HEALTHZ_PORT),
				"--listen-address", "0.0.0.0", "--etcd-data-dir", DATA_DIRECTORY, "--log-level", logLevel());
	}

}
