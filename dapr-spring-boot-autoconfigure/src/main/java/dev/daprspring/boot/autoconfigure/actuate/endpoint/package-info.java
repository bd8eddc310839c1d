/**
 * The {@code dapr} actuator endpoint: the sidecar's metadata, this application's
 * handlers and the client's effective configuration.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
