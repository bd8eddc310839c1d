/**
 * Calling handler methods: argument resolution and CloudEvent data conversion.
 */
@NullMarked
package dev.daprspring.messaging.handler;

import org.jspecify.annotations.NullMarked;
