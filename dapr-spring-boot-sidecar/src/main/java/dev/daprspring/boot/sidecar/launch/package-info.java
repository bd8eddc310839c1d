/**
 * Launching a sidecar for the application itself during development and tests
 * ({@code dapr.sidecar.launch}).
 */
@NullMarked
package dev.daprspring.boot.sidecar.launch;

import org.jspecify.annotations.NullMarked;
