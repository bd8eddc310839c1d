/**
 * Turning a handler's outcome into the status the sidecar acts on.
 */
@NullMarked
package dev.daprspring.messaging.delivery;

import org.jspecify.annotations.NullMarked;
