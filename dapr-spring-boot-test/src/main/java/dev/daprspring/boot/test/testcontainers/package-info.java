/**
 * Testcontainers support: daprd in a container, usable as a Spring Boot
 * {@code @ServiceConnection}.
 */
@NullMarked
package dev.daprspring.boot.test.testcontainers;

import org.jspecify.annotations.NullMarked;
