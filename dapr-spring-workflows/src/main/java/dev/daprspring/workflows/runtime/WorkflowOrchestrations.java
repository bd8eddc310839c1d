package dev.daprspring.workflows.runtime;

import io.dapr.durabletask.TaskOrchestration;
import io.dapr.durabletask.TaskOrchestrationContext;
import io.dapr.durabletask.orchestration.TaskOrchestrationFactories;
import io.dapr.durabletask.orchestration.TaskOrchestrationFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.workflows.runtime.WorkflowDataConverter.RawJson;

/**
 * The registered workflows as the replay engine's orchestration factories, with a
 * catch-all that fails an instance of an unknown workflow with the names this
 * application does register.
 */
final class WorkflowOrchestrations {

	/** The engine's name for the factory it falls back to. */
	private static final String ANY = "*";

	private WorkflowOrchestrations() {
	}

	static TaskOrchestrationFactories of(WorkflowRegistry registry, WorkflowDataConverter converter) {
		TaskOrchestrationFactories factories = new TaskOrchestrationFactories();
		for (WorkflowDefinition workflow : registry.workflows()) {
			factories.addOrchestration(new Factory(workflow.name(), workflow.version(), workflow.latest(),
					(context) -> run(workflow, context, registry, converter)));
		}
		factories.addOrchestration(new Factory(ANY, "", false, (context) -> {
			throw new IllegalStateException("No workflow named '" + context.getName()
					+ "' is registered in this application; registered workflows: " + registry.workflowNames());
		}));
		return factories;
	}

	private static void run(WorkflowDefinition workflow, TaskOrchestrationContext context, WorkflowRegistry registry,
			WorkflowDataConverter converter) {
		RawJson raw = context.getInput(RawJson.class);
		Object input = converter.read((raw != null) ? raw.json() : null, workflow.inputType(),
				"the input of workflow '" + workflow.name() + "'");
		Object output = workflow.workflow().run(new OrchestrationContextAdapter(context, registry), input);
		context.complete(output);
	}

	private record Factory(String name, String version, boolean latest,
			TaskOrchestration orchestration) implements TaskOrchestrationFactory {

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public TaskOrchestration create() {
			return this.orchestration;
		}

		@Override
		public @Nullable String getVersionName() {
			return this.version.isEmpty() ? null : this.version;
		}

		@Override
		public Boolean isLatestVersion() {
			return this.latest;
		}

	}

}
