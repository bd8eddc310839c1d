/**
 * {@code @ServiceConnection} support for the test module's {@code DaprContainer}.
 */
@NullMarked
package dev.daprspring.boot.testcontainers;

import org.jspecify.annotations.NullMarked;
