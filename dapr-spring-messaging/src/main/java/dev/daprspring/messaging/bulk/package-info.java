/**
 * Bulk delivery: batches of events handed to one {@code List} handler, with a status per
 * entry.
 */
@NullMarked
package dev.daprspring.messaging.bulk;

import org.jspecify.annotations.NullMarked;
