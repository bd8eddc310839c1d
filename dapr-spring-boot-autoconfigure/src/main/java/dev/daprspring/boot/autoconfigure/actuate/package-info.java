/**
 * Actuator support for the Dapr sidecar: what health, the {@code dapr} endpoint and the
 * sidecar metrics bridge share.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
