/**
 * The pub/sub benchmark: delivered messages per second through {@code @Topic} handlers over
 * the HTTP app channel, the gRPC app channel and streaming subscriptions, against a minimal
 * hand-written servlet subscriber on the same sidecar as the HTTP channel.
 */
@NullMarked
package dev.daprspring.benchmarks.pubsub;

import org.jspecify.annotations.NullMarked;
