/**
 * Micrometer observations of calls to the sidecar, with W3C trace context sent along.
 */
@NullMarked
package dev.daprspring.core.observation;

import org.jspecify.annotations.NullMarked;
