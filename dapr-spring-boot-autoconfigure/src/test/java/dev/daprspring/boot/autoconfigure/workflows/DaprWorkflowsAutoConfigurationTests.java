package dev.daprspring.boot.autoconfigure.workflows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.actuate.health.DaprHealthContribution;
import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.annotation.DaprActivity;
import dev.daprspring.workflows.annotation.DaprWorkflow;
import dev.daprspring.workflows.client.DaprWorkflowTemplate;
import dev.daprspring.workflows.client.WorkflowOperations;
import dev.daprspring.workflows.runtime.WorkflowRegistry;
import dev.daprspring.workflows.runtime.WorkflowWorker;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class DaprWorkflowsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DaprClientAutoConfiguration.class, DaprWorkflowsAutoConfiguration.class));

	@Test
	void workflowAndActivityBeansAreRegisteredAndTheWorkerWaitsForTheApplicationToBeReady() {
		this.runner.withUserConfiguration(WorkflowsConfiguration.class).run((context) -> {
			WorkflowRegistry registry = context.getBean(WorkflowRegistry.class);
			assertThat(registry.workflowNames()).containsExactly("greeting");
			assertThat(registry.workflow("greeting").get(0).inputType()).isEqualTo(String.class);
			assertThat(registry.activityNames()).containsExactly("greet", "shout");
			assertThat(context).hasSingleBean(DaprWorkflowTemplate.class).hasSingleBean(DaprHealthContribution.class);
			// No ApplicationReadyEvent in a plain context: the worker has not opened its stream.
			assertThat(context.getBean(WorkflowWorker.class).getState()).isEqualTo(WorkflowWorker.State.STOPPED);
		});
	}

	@Test
	void concurrencyAndShutdownTimeoutAreBound() {
		this.runner.withPropertyValues("dapr.workflows.max-concurrent-workflows=3",
				"dapr.workflows.max-concurrent-activities=5", "dapr.workflows.shutdown-timeout=7s")
			.run((context) -> {
				DaprWorkflowsProperties properties = context.getBean(DaprWorkflowsProperties.class);
				assertThat(properties.getMaxConcurrentWorkflows()).isEqualTo(3);
				assertThat(properties.getMaxConcurrentActivities()).isEqualTo(5);
				assertThat(properties.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(7));
			});
	}

	@Test
	void anApplicationsOwnWorkflowOperationsReplacesTheTemplate() {
		WorkflowOperations own = mock(WorkflowOperations.class);
		this.runner.withBean(WorkflowOperations.class, () -> own)
			.run((context) -> assertThat(context.getBean(WorkflowOperations.class)).isSameAs(own));
	}

	@Test
	void disabledWorkflowsConfigureNothing() {
		this.runner.withPropertyValues("dapr.workflows.enabled=false")
			.withUserConfiguration(WorkflowsConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(WorkflowRegistry.class)
				.doesNotHaveBean(WorkflowWorker.class)
				.doesNotHaveBean(WorkflowOperations.class));
	}

	@Test
	void twoActivitiesOfOneNameAreRefusedNamingBothMethods() {
		this.runner.withUserConfiguration(WorkflowsConfiguration.class, ClashingActivities.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("Two activities are named 'greet': ")
				.hasMessageContaining("ClashingActivities.greet")
				.hasMessageEndingWith("give one another name with @DaprActivity(name = ...)"));
	}

	@Configuration(proxyBeanMethods = false)
	static class WorkflowsConfiguration {

		@Bean
		GreetingWorkflow greetingWorkflow() {
			return new GreetingWorkflow();
		}

		@Bean
		Greetings greetings() {
			return new Greetings();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClashingActivities {

		@DaprActivity
		String greet(String name) {
			return name;
		}

	}

	@DaprWorkflow(name = "greeting")
	static class GreetingWorkflow implements Workflow<String, List<String>> {

		@Override
		public List<String> run(WorkflowContext context, String name) {
			return List.of(context.callActivity("greet", name, String.class).await());
		}

	}

	static class Greetings {

		@DaprActivity
		String greet(String name) {
			return "Hello " + name;
		}

		@DaprActivity(name = "shout")
		String loud(String name) {
			return name.toUpperCase();
		}

	}

}
