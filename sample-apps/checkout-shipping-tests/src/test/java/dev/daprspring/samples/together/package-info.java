/**
 * Checkout and shipping run together, each with its own sidecar.
 */
@NullMarked
package dev.daprspring.samples.together;

import org.jspecify.annotations.NullMarked;
