/**
 * Wiring of the {@code dapr} health indicator ({@code dev.daprspring.boot.actuate.health}).
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.actuate.health;

import org.jspecify.annotations.NullMarked;
