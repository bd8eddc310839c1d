/**
 * A real Dapr sidecar ({@code daprd}) for development and tests.
 */
@NullMarked
package dev.daprspring.boot.sidecar;

import org.jspecify.annotations.NullMarked;
