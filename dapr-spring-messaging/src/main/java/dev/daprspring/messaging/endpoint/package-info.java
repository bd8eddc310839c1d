/**
 * Topic endpoints and the registry of the subscriptions the application publishes.
 */
@NullMarked
package dev.daprspring.messaging.endpoint;

import org.jspecify.annotations.NullMarked;
