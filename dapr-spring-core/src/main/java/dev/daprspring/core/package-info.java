/**
 * {@link dev.daprspring.core.DaprTemplate}: every Dapr building block through the sidecar.
 */
@NullMarked
package dev.daprspring.core;

import org.jspecify.annotations.NullMarked;
