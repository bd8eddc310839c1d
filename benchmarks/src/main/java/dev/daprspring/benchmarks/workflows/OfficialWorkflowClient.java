package dev.daprspring.benchmarks.workflows;

import java.lang.reflect.Field;
import java.util.Map;

import io.dapr.config.Properties;
import io.dapr.durabletask.DurableTaskGrpcWorker;
import io.dapr.workflows.client.DaprWorkflowClient;
import io.dapr.workflows.client.WorkflowRuntimeStatus;
import io.dapr.workflows.client.WorkflowState;
import io.dapr.workflows.runtime.WorkflowRuntime;
import io.dapr.workflows.runtime.WorkflowRuntimeBuilder;
import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.DaprSidecar;

/**
 * The official Dapr Java SDK 1.17.1: a {@link WorkflowRuntime} built by
 * {@link WorkflowRuntimeBuilder} with the workflow and activity classes registered, and a
 * {@link DaprWorkflowClient}: {@code scheduleNewWorkflow(name, input)} then
 * {@code waitForWorkflowCompletion(id, timeout, true)} (the replacement of the deprecated
 * {@code waitForInstanceCompletion}; {@code true} reads the output, as the template does).
 */
final class OfficialWorkflowClient implements WorkflowClient {

	private final Properties properties;

	private final DaprWorkflowClient client;

	private @Nullable WorkflowRuntime runtime;

	private OfficialWorkflowClient(Properties properties) {
		this.properties = properties;
		this.client = new DaprWorkflowClient(properties);
	}

	static OfficialWorkflowClient connect(DaprSidecar sidecar) {
		return new OfficialWorkflowClient(new Properties(Map.of(Properties.SIDECAR_IP.getName(), "127.0.0.1",
				Properties.GRPC_PORT.getName(), Integer.toString(sidecar.grpcPort()),
				Properties.HTTP_PORT.getName(), Integer.toString(sidecar.httpPort()))));
	}

	@Override
	public String name() {
		return "official";
	}

	@Override
	public void startWorker() {
		if (this.runtime != null) {
			return;
		}
		// The builder keeps one runtime per JVM in a static field and hands it out again even
		// once it is closed (a closed runtime cannot start again): forgotten here so that
		// every round gets a new runtime, as a new application would.
		forgetBuiltRuntime();
		WorkflowRuntime built = new WorkflowRuntimeBuilder(this.properties)
			.registerWorkflow(OfficialChain.NAME, OfficialChain.class)
			.registerWorkflow(OfficialFanOut.NAME, OfficialFanOut.class)
			.registerActivity(OfficialStep.NAME, OfficialStep.class)
			.build();
		built.start(false);
		this.runtime = built;
	}

	@Override
	public void stopWorker() {
		WorkflowRuntime running = this.runtime;
		if (running != null) {
			this.runtime = null;
			// WorkflowRuntime.close() shuts its channel down and waits up to 60 s for it to
			// terminate before it closes the worker whose work-item stream keeps the channel
			// busy: closing the worker first (what close() does last) ends the stream at once.
			workerOf(running).close();
			running.close();
		}
	}

	private static DurableTaskGrpcWorker workerOf(WorkflowRuntime runtime) {
		try {
			Field worker = WorkflowRuntime.class.getDeclaredField("worker");
			worker.setAccessible(true);
			return (DurableTaskGrpcWorker) worker.get(runtime);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("WorkflowRuntime no longer keeps its worker in 'worker'", ex);
		}
	}

	private static void forgetBuiltRuntime() {
		try {
			Field instance = WorkflowRuntimeBuilder.class.getDeclaredField("instance");
			instance.setAccessible(true);
			instance.set(null, null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("WorkflowRuntimeBuilder no longer keeps its runtime in 'instance'", ex);
		}
	}

	@Override
	public int run(Workload workload, int input) throws Exception {
		String name = (workload == Workload.CHAIN) ? OfficialChain.NAME : OfficialFanOut.NAME;
		String id = this.client.scheduleNewWorkflow(name, input);
		WorkflowState done = this.client.waitForWorkflowCompletion(id, COMPLETION_TIMEOUT, true);
		if (done == null || done.getRuntimeStatus() != WorkflowRuntimeStatus.COMPLETED) {
			throw new IllegalStateException("Workflow " + id + " ended "
					+ ((done != null) ? done.getRuntimeStatus() + ": " + done.getFailureDetails() : "unknown"));
		}
		Integer output = done.readOutputAs(Integer.class);
		if (output == null) {
			throw new IllegalStateException("Workflow " + id + " completed without an output");
		}
		return output;
	}

	@Override
	public void close() throws Exception {
		stopWorker();
		this.client.close();
	}

}
