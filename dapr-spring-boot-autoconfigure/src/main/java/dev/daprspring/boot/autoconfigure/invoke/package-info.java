/**
 * Auto-configuration for service invocation: {@code @DaprServiceClient} interfaces become
 * beans that call other Dapr apps through the sidecar.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.invoke;

import org.jspecify.annotations.NullMarked;
