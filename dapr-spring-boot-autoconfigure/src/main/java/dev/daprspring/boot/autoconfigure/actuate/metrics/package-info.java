/**
 * Wiring of the sidecar metrics bridge ({@code dev.daprspring.boot.actuate.metrics}) and
 * its {@code dapr.sidecar.metrics.*} properties.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.actuate.metrics;

import org.jspecify.annotations.NullMarked;
