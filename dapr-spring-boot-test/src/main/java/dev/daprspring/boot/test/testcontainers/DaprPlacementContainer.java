package dev.daprspring.boot.test.testcontainers;

import java.util.List;

import org.testcontainers.utility.DockerImageName;

/**
 * Dapr's actor placement service ({@code placement}) in a container. Give it to a
 * {@link DaprContainer} with {@link DaprContainer#withPlacement(DaprPlacementContainer)}
 * when the app hosts actors or runs workflows.
 */
public class DaprPlacementContainer extends DaprControlPlaneContainer<DaprPlacementContainer> {

	/** The placement gRPC port inside the container. */
	public static final int PORT = 50005;

	private static final DockerImageName PLACEMENT = DockerImageName.parse("daprio/placement");

	/** A container of {@link DaprImages#PLACEMENT}, reached as {@code placement}. */
	public DaprPlacementContainer() {
		this(DockerImageName.parse(DaprImages.PLACEMENT));
	}

	/** A container of the given image, which must be {@code daprio/placement} or declared a substitute. */
	public DaprPlacementContainer(DockerImageName image) {
		super(image, PLACEMENT, PORT, "placement");
	}

	@Override
	List<String> commandLine() {
		return List.of("./placement", "--port", String.valueOf(PORT), "--healthz-port", String.valueOf(HEALTHZ_PORT),
				"--log-level", logLevel());
	}

}
