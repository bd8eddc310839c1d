/**
 * JUnit 5 support: a real sidecar around a test class.
 */
@NullMarked
package dev.daprspring.boot.test.junit;

import org.jspecify.annotations.NullMarked;
