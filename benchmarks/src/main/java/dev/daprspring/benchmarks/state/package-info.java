/**
 * The state benchmark: save and get round trips through {@code DaprTemplate}, the raw
 * generated stub and the official Dapr Java SDK against one real daprd.
 */
@NullMarked
package dev.daprspring.benchmarks.state;

import org.jspecify.annotations.NullMarked;
