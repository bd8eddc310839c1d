/**
 * The Spring Cloud Function bridge: {@code Function} and {@code Consumer} beans that
 * handle a topic's events and publish a function's results to another topic.
 */
@NullMarked
package dev.daprspring.messaging.function;

import org.jspecify.annotations.NullMarked;
