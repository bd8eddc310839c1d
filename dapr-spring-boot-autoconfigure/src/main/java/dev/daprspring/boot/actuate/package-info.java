/**
 * Actuator support for the Dapr sidecar, wired by
 * {@code dev.daprspring.boot.autoconfigure.actuate}: the {@link SidecarProbe}
 * that health and the {@code dapr} endpoint share.
 */
@NullMarked
package dev.daprspring.boot.actuate;

import org.jspecify.annotations.NullMarked;
