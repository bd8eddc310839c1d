/**
 * Spring Boot support for a real sidecar: launching one for the application itself
 * ({@code dapr.sidecar.launch}) and connection details for launched and containerised
 * sidecars.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.sidecar;

import org.jspecify.annotations.NullMarked;
