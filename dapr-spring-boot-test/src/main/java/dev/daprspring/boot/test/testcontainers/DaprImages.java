package dev.daprspring.boot.test.testcontainers;

/**
 * The Dapr images the containers here run by default: the Dapr version this project builds
 * and tests ({@code tools/daprd/go.mod}), so a container test runs the same daprd as the
 * process tests. {@code scripts/docker-images} builds them offline from the project's own
 * binaries; with access to Docker Hub they are Dapr's published images of that version.
 */
public final class DaprImages {

	/** The Dapr release of every default image. */
	public static final String VERSION = "1.18.2";

	/** The sidecar. */
	public static final String DAPRD = "daprio/daprd:" + VERSION;

	/** The actor placement service. */
	public static final String PLACEMENT = "daprio/placement:" + VERSION;

	/** The scheduler (reminders, jobs, workflows). */
	public static final String SCHEDULER = "daprio/scheduler:" + VERSION;

	private DaprImages() {
	}

}
