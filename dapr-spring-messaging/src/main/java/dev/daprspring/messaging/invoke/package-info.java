/**
 * Invoking handler methods: argument resolution and CloudEvent data conversion.
 */
@NullMarked
package dev.daprspring.messaging.invoke;

import org.jspecify.annotations.NullMarked;
