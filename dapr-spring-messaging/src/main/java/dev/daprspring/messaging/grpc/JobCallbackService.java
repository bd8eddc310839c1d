package dev.daprspring.messaging.grpc;

import io.dapr.v1.AppCallbackAlphaGrpc;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.DaprAppCallbackProtos.JobEventRequest;
import io.dapr.v1.DaprAppCallbackProtos.JobEventResponse;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

import dev.daprspring.messaging.job.JobEndpoint;
import dev.daprspring.messaging.job.JobEndpointRegistry;
import dev.daprspring.messaging.job.JobEventDispatcher;

/**
 * The gRPC app channel for jobs ({@code AppCallbackAlpha.OnJobEventAlpha1}, which daprd 1.17
 * calls, and {@code AppCallback.OnJobEvent}, which daprd 1.18 calls first, see
 * {@link #withStableCallback}): a due job's data goes to its {@code @DaprJobListener} method. A job without one is answered NOT_FOUND, which
 * daprd counts as done; a failing handler INTERNAL, which its failure policy may retry.
 */
public class JobCallbackService extends AppCallbackAlphaGrpc.AppCallbackAlphaImplBase {

	// daprd 1.18's AppCallback.OnJobEvent takes and returns the messages of the Alpha1 method, so
	// its descriptor is the generated Alpha1 one under the stable name.
	/** {@code AppCallback.OnJobEvent} of daprd 1.18. */
	public static final MethodDescriptor<JobEventRequest, JobEventResponse> ON_JOB_EVENT = AppCallbackAlphaGrpc
		.getOnJobEventAlpha1Method()
		.toBuilder()
		.setFullMethodName(MethodDescriptor.generateFullMethodName(AppCallbackGrpc.SERVICE_NAME, "OnJobEvent"))
		.build();

	private final JobEndpointRegistry registry;

	private final JobEventDispatcher dispatcher;

	public JobCallbackService(JobEndpointRegistry registry, JobEventDispatcher dispatcher) {
		this.registry = registry;
		this.dispatcher = dispatcher;
	}

	/**
	 * The given {@code AppCallback} service with {@code OnJobEvent} added: daprd 1.18 calls it
	 * first and calls {@code OnJobEventAlpha1} only after an {@code UNIMPLEMENTED}, so serving it
	 * saves a round trip per due job.
	 * @param appCallback the application's {@code AppCallback} service
	 * @return the same service with the stable jobs callback
	 */
	public BindableService withStableCallback(BindableService appCallback) {
		ServerServiceDefinition bound = appCallback.bindService();
		ServerServiceDefinition.Builder joined = ServerServiceDefinition.builder(AppCallbackGrpc.SERVICE_NAME);
		bound.getMethods().forEach(joined::addMethod);
		joined.addMethod(ON_JOB_EVENT, ServerCalls.asyncUnaryCall(this::onJobEventAlpha1));
		ServerServiceDefinition definition = joined.build();
		return () -> definition;
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
