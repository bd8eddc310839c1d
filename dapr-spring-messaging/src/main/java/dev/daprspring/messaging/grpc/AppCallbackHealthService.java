package dev.daprspring.messaging.grpc;

import com.google.protobuf.Empty;
import io.dapr.v1.AppCallbackHealthCheckGrpc;
import io.dapr.v1.DaprAppCallbackProtos.HealthCheckResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * {@code AppCallbackHealthCheck}: answers the sidecar's app health probe from an
 * {@link AppHealth}, with {@code UNAVAILABLE} when the application is not healthy.
 */
public class AppCallbackHealthService extends AppCallbackHealthCheckGrpc.AppCallbackHealthCheckImplBase {

	private final AppHealth health;

	public AppCallbackHealthService(AppHealth health) {
		this.health = health;
	}

	@Override
	public void healthCheck(Empty request, StreamObserver<HealthCheckResponse> responseObserver) {
		boolean healthy;
		try {
			healthy = this.health.isHealthy();
		}
		catch (RuntimeException ex) {
			responseObserver.onError(Status.UNAVAILABLE.withDescription("The application's health check failed: " + ex)
				.withCause(ex)
				.asRuntimeException());
			return;
		}
		if (!healthy) {
			responseObserver
				.onError(Status.UNAVAILABLE.withDescription("The application is not healthy").asRuntimeException());
			return;
		}
		responseObserver.onNext(HealthCheckResponse.getDefaultInstance());
		responseObserver.onCompleted();
	}

}
