/**
 * The configuration API: reading configuration items and following their changes.
 */
@NullMarked
package dev.daprspring.core.configuration;

import org.jspecify.annotations.NullMarked;
