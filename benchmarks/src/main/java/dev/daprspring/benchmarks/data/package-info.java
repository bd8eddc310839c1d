/**
 * The data benchmark: {@code findById} and {@code save} through a {@code @DaprStateRepository}
 * repository against the same calls through {@code DaprTemplate}, and the cost of
 * {@code findAll(Pageable)} as the keyspace grows, against one real daprd.
 */
@NullMarked
package dev.daprspring.benchmarks.data;

import org.jspecify.annotations.NullMarked;
