/**
 * The output bindings API: invoking an operation of a binding component.
 */
@NullMarked
package dev.daprspring.core.binding;

import org.jspecify.annotations.NullMarked;
