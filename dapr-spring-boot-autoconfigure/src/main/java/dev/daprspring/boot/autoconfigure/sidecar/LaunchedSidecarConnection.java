package dev.daprspring.boot.autoconfigure.sidecar;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The sidecar a {@code dapr:} config import reads from when the application launches its
 * own, found in the bootstrap context: registered there as the application starts when
 * {@code dapr-spring-boot-sidecar} is on the classpath, absent otherwise.
 */
@FunctionalInterface
public interface LaunchedSidecarConnection {

	/**
	 * The connection to the sidecar launched for this application, launching it now if
	 * {@code dapr.sidecar.launch} asks for one; {@code null} when none is launched.
	 * @param binder the properties known to the import
	 */
	@Nullable DaprConnectionDetails connect(Binder binder);

}
