package dev.daprspring.messaging.grpc;

/**
 * Whether the application is healthy, as the sidecar's app health check over gRPC asks.
 * Declare a bean of this type to answer it; without one the application is healthy.
 */
@FunctionalInterface
public interface AppHealth {

	/** An application that is always healthy. */
	AppHealth HEALTHY = () -> true;

	/** Whether the application can take events now. */
	boolean isHealthy();

}
