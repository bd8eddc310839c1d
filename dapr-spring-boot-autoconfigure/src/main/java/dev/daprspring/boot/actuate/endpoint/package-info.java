/**
 * The {@code dapr} actuator endpoint: the sidecar's metadata (credentials masked), this
 * application's handlers, actor types and workflows, and the client's configuration.
 */
@NullMarked
package dev.daprspring.boot.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
