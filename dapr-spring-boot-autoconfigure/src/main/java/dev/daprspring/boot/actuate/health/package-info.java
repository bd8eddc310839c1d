/**
 * The {@code dapr} health indicator: whether the sidecar is ready, what it runs, and the
 * contributions of the parts of the application that depend on it (the workflow worker).
 */
@NullMarked
package dev.daprspring.boot.actuate.health;

import org.jspecify.annotations.NullMarked;
