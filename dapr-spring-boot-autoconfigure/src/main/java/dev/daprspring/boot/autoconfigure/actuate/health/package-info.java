/**
 * The {@code dapr} health indicator: whether the sidecar is ready, and what it runs.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.actuate.health;

import org.jspecify.annotations.NullMarked;
