/**
 * Spring Boot support for a real sidecar: launching one for the application itself
 * ({@code dapr.sidecar.launch}) and connection details for launched and containerised
 * sidecars.
 *
 * <p>The launch is split as Spring Boot's Docker Compose support splits its own: a
 * listener ({@link DaprSidecarListener}, and {@link DaprSidecarRunListener} for config
 * imports) hands over to the {@link DaprSidecarLifecycleManager}, which asks
 * {@link DaprSidecarSkipCheck} whether to launch, builds the sidecar from
 * {@link LaunchedSidecarSettings}, starts the {@link LaunchedControlPlane} it needs, and
 * at adoption adds the {@link LaunchedSidecarPropertySources}.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.sidecar;

import org.jspecify.annotations.NullMarked;
