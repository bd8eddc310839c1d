/**
 * Exceptions for failed sidecar calls, in Spring's DataAccessException hierarchy.
 */
@NullMarked
package dev.daprspring.core.error;

import org.jspecify.annotations.NullMarked;
