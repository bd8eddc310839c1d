/**
 * Service invocation through the sidecar: {@code RestClient}s and HTTP interface clients
 * bound to a Dapr app id.
 */
@NullMarked
package dev.daprspring.core.invoke;

import org.jspecify.annotations.NullMarked;
