/**
 * Wiring of the {@code dapr} actuator endpoint ({@code dev.daprspring.boot.actuate.endpoint})
 * and of what messaging, actors and workflows tell it.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
