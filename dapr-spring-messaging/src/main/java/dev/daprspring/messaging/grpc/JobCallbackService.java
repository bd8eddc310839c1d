package dev.daprspring.messaging.grpc;

import io.dapr.v1.AppCallbackAlphaGrpc;
import io.dapr.v1.DaprAppCallbackProtos.JobEventRequest;
import io.dapr.v1.DaprAppCallbackProtos.JobEventResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import dev.daprspring.messaging.job.JobEndpoint;
import dev.daprspring.messaging.job.JobEndpointRegistry;
import dev.daprspring.messaging.job.JobEventDispatcher;

/**
 * The gRPC app channel for jobs ({@code AppCallbackAlpha.OnJobEventAlpha1}): a due job's data
 * goes to its {@code @DaprJobListener} method. A job without one is answered NOT_FOUND, which
 * daprd counts as done; a failing handler INTERNAL, which its failure policy may retry.
 */
public class JobCallbackService extends AppCallbackAlphaGrpc.AppCallbackAlphaImplBase {

	private final JobEndpointRegistry registry;

	private final JobEventDispatcher dispatcher;

	public JobCallbackService(JobEndpointRegistry registry, JobEventDispatcher dispatcher) {
		this.registry = registry;
		this.dispatcher = dispatcher;
	}

	@Override
	public void onJobEventAlpha1(JobEventRequest request, StreamObserver<JobEventResponse> response) {
		JobEndpoint endpoint = this.registry.endpoint(request.getName());
		if (endpoint == null) {
			response.onError(Status.NOT_FOUND
				.withDescription("No @DaprJobListener(\"" + request.getName() + "\") here")
				.asRuntimeException());
			return;
		}
		if (this.dispatcher.dispatch(endpoint, request.getData().getValue().toByteArray())) {
			response.onNext(JobEventResponse.getDefaultInstance());
			response.onCompleted();
		}
		else {
			response.onError(Status.INTERNAL
				.withDescription("The handler of job '" + request.getName() + "' failed")
				.asRuntimeException());
		}
	}

}
