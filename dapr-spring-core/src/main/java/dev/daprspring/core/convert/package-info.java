/**
 * Conversion of values to and from the bytes the sidecar stores and sends.
 */
@NullMarked
package dev.daprspring.core.convert;

import org.jspecify.annotations.NullMarked;
