/**
 * {@code benchmarks/run etag}: concurrent increments of one entity through a repository
 * with {@code @Version}, retried on conflict, on {@code state.redis}.
 */
@NullMarked
package dev.daprspring.benchmarks.etag;

import org.jspecify.annotations.NullMarked;
