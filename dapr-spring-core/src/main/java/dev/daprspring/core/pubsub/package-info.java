/**
 * The pub/sub API: publishing payloads, whole CloudEvents and batches to a topic.
 */
@NullMarked
package dev.daprspring.core.pubsub;

import org.jspecify.annotations.NullMarked;
