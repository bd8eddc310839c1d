/**
 * Actuator wiring for the Dapr sidecar: the {@code dapr.actuator} properties and the one
 * {@code SidecarProbe} that the health and endpoint auto-configurations share. The
 * actuator's logic lives in {@code dev.daprspring.boot.actuate}.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
