/**
 * The transport to the sidecar: options, the shared gRPC channel, call policies.
 */
@NullMarked
package dev.daprspring.core.client;

import org.jspecify.annotations.NullMarked;
