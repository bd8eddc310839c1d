package dev.daprspring.core.job;

import java.util.function.Function;

import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprJobsProtos.DeleteJobRequest;
import io.dapr.v1.DaprJobsProtos.DeleteJobResponse;
import io.dapr.v1.DaprJobsProtos.GetJobRequest;
import io.dapr.v1.DaprJobsProtos.GetJobResponse;
import io.dapr.v1.DaprJobsProtos.ScheduleJobRequest;
import io.dapr.v1.DaprJobsProtos.ScheduleJobResponse;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprException;

/**
 * The sidecar's jobs methods: the stable {@code ScheduleJob}, {@code GetJob} and
 * {@code DeleteJob} of daprd 1.18 and later, else the {@code …Alpha1} methods daprd 1.17
 * offers. The first call that daprd refuses as an unknown method switches this client to
 * the Alpha1 methods for good.
 */
final class JobsApi {

	// daprd 1.18's stable methods take and return the very messages of the Alpha1 ones (same
	// jobs.proto), so their descriptors differ from the generated Alpha1 ones only in the name.
	static final MethodDescriptor<ScheduleJobRequest, ScheduleJobResponse> SCHEDULE = stable(
			DaprGrpc.getScheduleJobAlpha1Method(), "ScheduleJob");

	static final MethodDescriptor<GetJobRequest, GetJobResponse> GET = stable(DaprGrpc.getGetJobAlpha1Method(), "GetJob");

	static final MethodDescriptor<DeleteJobRequest, DeleteJobResponse> DELETE = stable(
			DaprGrpc.getDeleteJobAlpha1Method(), "DeleteJob");

	private final DaprTransport transport;

	private volatile boolean stable = true;

	JobsApi(DaprTransport transport) {
		this.transport = transport;
	}

	/** Whether calls go to the stable methods (until daprd says it has none). */
	boolean usesStableMethods() {
		return this.stable;
	}

	/**
	 * Calls {@code stableMethod}, or {@code alpha} where daprd has no stable jobs API.
	 * @param call what is called, for observation, policies and error messages
	 * @param stableMethod the stable method
	 * @param alpha the same call on the generated stub's Alpha1 method
	 * @param request the request, the same message for both
	 */
	<Q, R> R call(DaprCall call, MethodDescriptor<Q, R> stableMethod, Function<DaprGrpc.DaprBlockingStub, R> alpha,
			Q request) {
		if (this.stable) {
			try {
				return this.transport.call(call, (dapr) -> ClientCalls.blockingUnaryCall(dapr.getChannel(),
						stableMethod, dapr.getCallOptions(), request));
			}
			catch (RuntimeException ex) {
				if (!unimplemented(ex)) {
					throw ex;
				}
				this.stable = false;
			}
		}
		return this.transport.call(call, alpha);
	}

	// daprd 1.17.5 hands a method it does not know to its gRPC proxy, which wants a target app
	// and answers UNKNOWN "failed to proxy request: required metadata dapr-callee-app-id or
	// dapr-app-id not found"; a plain gRPC server answers UNIMPLEMENTED.
	private static boolean unimplemented(RuntimeException ex) {
		if (!(ex instanceof DaprException dapr)) {
			return false;
		}
		String code = dapr.getDetails().grpcCode();
		return "UNIMPLEMENTED".equals(code)
				|| ("UNKNOWN".equals(code) && String.valueOf(ex.getMessage()).contains("failed to proxy request"));
	}

	private static <Q, R> MethodDescriptor<Q, R> stable(MethodDescriptor<Q, R> alpha, String name) {
		return alpha.toBuilder()
			.setFullMethodName(MethodDescriptor.generateFullMethodName(DaprGrpc.SERVICE_NAME, name))
			.build();
	}

}
