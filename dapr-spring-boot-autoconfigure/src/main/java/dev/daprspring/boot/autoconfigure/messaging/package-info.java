/**
 * Auto-configuration of {@code @Topic} handlers and their delivery transports.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.messaging;

import org.jspecify.annotations.NullMarked;
