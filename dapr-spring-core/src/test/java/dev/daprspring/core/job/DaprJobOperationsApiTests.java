package dev.daprspring.core.job;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprJobsProtos.DeleteJobRequest;
import io.dapr.v1.DaprJobsProtos.DeleteJobResponse;
import io.dapr.v1.DaprJobsProtos.GetJobRequest;
import io.dapr.v1.DaprJobsProtos.GetJobResponse;
import io.dapr.v1.DaprJobsProtos.Job;
import io.dapr.v1.DaprJobsProtos.ScheduleJobRequest;
import io.dapr.v1.DaprJobsProtos.ScheduleJobResponse;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprValueConverter;
import dev.daprspring.core.error.DaprException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which jobs methods {@link DaprJobOperations} calls: the stable ones where the sidecar has
 * them (daprd 1.18), the Alpha1 ones where it answers {@code UNIMPLEMENTED} (daprd 1.17).
 * The servers here stand in for those two sidecars' method tables only; the integration
 * tests run the real ones.
 */
class DaprJobOperationsApiTests {

	private final List<String> called = new CopyOnWriteArrayList<>();

	private Server server;

	private DaprTransport transport;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.transport != null) {
			this.transport.close();
		}
		this.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void aSidecarWithTheStableMethodsIsCalledOnThemOnly() throws Exception {
		DaprJobOperations jobs = start(true, Status.OK);
		jobs.schedule(DaprJob.named("report").dueIn(java.time.Duration.ofMinutes(1)));
		assertThat(jobs.get("report", String.class)).hasValueSatisfying((job) -> assertThat(job.name()).isEqualTo("report"));
		jobs.delete("report");
		assertThat(this.called).containsExactly("ScheduleJob", "GetJob", "DeleteJob");
		assertThat(jobs.usesStableApi()).isTrue();
	}

	@Test
	void aSidecarWithoutThemIsAskedOnceThenCalledOnTheAlpha1MethodsOnly() throws Exception {
		DaprJobOperations jobs = start(false, Status.OK);
		jobs.schedule(DaprJob.named("report").dueIn(java.time.Duration.ofMinutes(1)));
		jobs.get("report", String.class);
		jobs.delete("report");
		// The gRPC server answers UNIMPLEMENTED for ScheduleJob before any handler runs.
		assertThat(this.called).containsExactly("ScheduleJobAlpha1", "GetJobAlpha1", "DeleteJobAlpha1");
		assertThat(jobs.usesStableApi()).isFalse();
	}

	@Test
	void aSidecarThatProxiesUnknownMethodsIsAskedOnceThenCalledOnTheAlpha1MethodsOnly() throws Exception {
		// What daprd 1.17.5 answers for a method it does not know (measured): its gRPC proxy wants a target app.
		DaprJobOperations jobs = start(true, Status.UNKNOWN
			.withDescription("failed to proxy request: required metadata dapr-callee-app-id or dapr-app-id not found"));
		jobs.schedule(DaprJob.named("report").dueIn(java.time.Duration.ofMinutes(1)));
		assertThat(this.called).containsExactly("ScheduleJob", "ScheduleJobAlpha1");
		assertThat(jobs.usesStableApi()).isFalse();
	}

	@Test
	void anotherErrorOfTheStableMethodReachesTheCallerAndKeepsTheStableMethods() throws Exception {
		DaprJobOperations jobs = start(true, Status.INTERNAL.withDescription("scheduler is down"));
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> jobs.schedule(DaprJob.named("report").dueIn(java.time.Duration.ofMinutes(1))))
			.isInstanceOf(DaprException.class)
			.withMessageContaining("scheduler is down");
		assertThat(this.called).containsExactly("ScheduleJob");
		assertThat(jobs.usesStableApi()).isTrue();
	}

	private DaprJobOperations start(boolean stable, Status stableScheduleStatus) throws Exception {
		DaprGrpc.DaprImplBase alpha = new DaprGrpc.DaprImplBase() {

			@Override
			public void scheduleJobAlpha1(ScheduleJobRequest request, StreamObserver<ScheduleJobResponse> response) {
				schedule("ScheduleJobAlpha1", Status.OK, response);
			}

			@Override
			public void getJobAlpha1(GetJobRequest request, StreamObserver<GetJobResponse> response) {
				get("GetJobAlpha1", request, response);
			}

			@Override
			public void deleteJobAlpha1(DeleteJobRequest request, StreamObserver<DeleteJobResponse> response) {
				delete("DeleteJobAlpha1", response);
			}

		};
		ServerServiceDefinition service = alpha.bindService();
		if (stable) {
			// One service definition per service name: the stable methods join the generated ones.
			ServerServiceDefinition.Builder withStable = ServerServiceDefinition.builder(DaprGrpc.SERVICE_NAME);
			service.getMethods().forEach(withStable::addMethod);
			withStable.addMethod(JobsApi.SCHEDULE, ServerCalls.asyncUnaryCall(
					(ScheduleJobRequest request, StreamObserver<ScheduleJobResponse> response) -> schedule("ScheduleJob",
							stableScheduleStatus, response)));
			withStable.addMethod(JobsApi.GET, ServerCalls.asyncUnaryCall(
					(GetJobRequest request, StreamObserver<GetJobResponse> response) -> get("GetJob", request, response)));
			withStable.addMethod(JobsApi.DELETE, ServerCalls.asyncUnaryCall(
					(DeleteJobRequest request, StreamObserver<DeleteJobResponse> response) -> delete("DeleteJob",
							response)));
			service = withStable.build();
		}
		this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
			.addService(service)
			.build()
			.start();
		this.transport = new DaprTransport(
				DaprClientOptions.of("http://127.0.0.1:" + this.server.getPort(), "http://127.0.0.1:1", null));
		return new DaprJobOperations(this.transport, new DaprValueConverter(new JsonMapper()));
	}

	private void schedule(String method, Status status, StreamObserver<ScheduleJobResponse> response) {
		this.called.add(method);
		if (!status.isOk()) {
			response.onError(status.asRuntimeException());
			return;
		}
		response.onNext(ScheduleJobResponse.getDefaultInstance());
		response.onCompleted();
	}

	private void get(String method, GetJobRequest request, StreamObserver<GetJobResponse> response) {
		this.called.add(method);
		response.onNext(GetJobResponse.newBuilder()
			.setJob(Job.newBuilder().setName(request.getName()).setDueTime("1m"))
			.build());
		response.onCompleted();
	}

	private void delete(String method, StreamObserver<DeleteJobResponse> response) {
		this.called.add(method);
		response.onNext(DeleteJobResponse.getDefaultInstance());
		response.onCompleted();
	}

}
