/**
 * Secrets of a Dapr secret store as configuration properties, through
 * {@code spring.config.import=dapr:secretstore/<store>}.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.secret;

import org.jspecify.annotations.NullMarked;
