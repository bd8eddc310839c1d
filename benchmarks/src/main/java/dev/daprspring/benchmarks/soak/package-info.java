/**
 * {@code benchmarks/run soak}: events through {@code pubsub.redis} to a {@code @Topic}
 * handler while the sidecar is restarted, counting every distinct event id handled.
 */
@NullMarked
package dev.daprspring.benchmarks.soak;

import org.jspecify.annotations.NullMarked;
