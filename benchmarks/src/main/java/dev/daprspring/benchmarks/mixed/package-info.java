/**
 * {@code benchmarks/run load}: a fixed-rate mix of state reads and writes, publishes and
 * service invocations through {@code DaprTemplate} and through the official SDK.
 */
@NullMarked
package dev.daprspring.benchmarks.mixed;

import org.jspecify.annotations.NullMarked;
