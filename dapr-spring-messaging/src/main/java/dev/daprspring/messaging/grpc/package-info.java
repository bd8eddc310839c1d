/**
 * The gRPC app channel: the {@code AppCallback} and {@code AppCallbackHealthCheck}
 * services the sidecar calls when it runs with {@code --app-protocol grpc}.
 */
@NullMarked
package dev.daprspring.messaging.grpc;

import org.jspecify.annotations.NullMarked;
