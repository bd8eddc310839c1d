/**
 * Input bindings: {@code @BindingListener} methods, their registry and their invocation.
 */
@NullMarked
package dev.daprspring.messaging.binding;

import org.jspecify.annotations.NullMarked;
