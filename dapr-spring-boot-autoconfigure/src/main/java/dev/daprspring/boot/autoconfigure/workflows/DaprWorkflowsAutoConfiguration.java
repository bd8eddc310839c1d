package dev.daprspring.boot.autoconfigure.workflows;

import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.actuate.health.DaprHealthContribution;
import dev.daprspring.boot.actuate.health.WorkflowWorkerHealth;
import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprValueConverter;
import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.client.DaprWorkflowTemplate;
import dev.daprspring.workflows.client.WorkflowOperations;
import dev.daprspring.workflows.observation.WorkflowExecutionObservationConvention;
import dev.daprspring.workflows.runtime.WorkflowBeanRegistrar;
import dev.daprspring.workflows.runtime.WorkflowDataConverter;
import dev.daprspring.workflows.runtime.WorkflowRegistry;
import dev.daprspring.workflows.runtime.WorkflowWorker;
import dev.daprspring.workflows.runtime.WorkflowWorkerSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Runs the application's {@code @DaprWorkflow} beans and {@code @DaprActivity} methods
 * (the worker starts once the application is ready and only when there are some) and
 * gives it a {@link WorkflowOperations} to schedule and manage instances.
 */
@AutoConfiguration(after = DaprClientAutoConfiguration.class)
@ConditionalOnClass(Workflow.class)
@ConditionalOnBean(DaprTransport.class)
@ConditionalOnBooleanProperty(name = "dapr.workflows.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DaprWorkflowsProperties.class)
public final class DaprWorkflowsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static WorkflowRegistry daprWorkflowRegistry() {
		return new WorkflowRegistry();
	}

	// Static: a post-processor that registers the beans as they are created.
	@Bean
	static WorkflowBeanRegistrar daprWorkflowBeanRegistrar(ObjectProvider<WorkflowRegistry> registry) {
		return new WorkflowBeanRegistrar(registry.getObject());
	}

	@Bean
	@ConditionalOnMissingBean
	WorkflowDataConverter daprWorkflowDataConverter(ObjectProvider<JsonMapper> jsonMapper) {
		return new WorkflowDataConverter(jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	WorkflowWorker daprWorkflowWorker(DaprTransport transport, WorkflowRegistry registry,
			WorkflowDataConverter converter, DaprWorkflowsProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<WorkflowExecutionObservationConvention> observationConvention) {
		WorkflowWorker worker = new WorkflowWorker(transport, registry, converter,
				new WorkflowWorkerSettings(properties.getMaxConcurrentWorkflows(),
						properties.getMaxConcurrentActivities(), properties.getShutdownTimeout()));
		worker.setObservationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
		worker.setObservationConvention(observationConvention.getIfAvailable());
		return worker;
	}

	// Once ready, not with the context: work items can then use every bean.
	@Bean
	ApplicationListener<ApplicationReadyEvent> daprWorkflowWorkerStarter(WorkflowWorker worker,
			WorkflowRegistry registry) {
		return (event) -> {
			if (!registry.isEmpty()) {
				worker.start();
			}
		};
	}

	@Bean
	DaprHealthContribution daprWorkflowWorkerHealth(WorkflowWorker worker) {
		return new WorkflowWorkerHealth(worker);
	}

	@Bean
	@ConditionalOnMissingBean(WorkflowOperations.class)
	DaprWorkflowTemplate daprWorkflowTemplate(DaprTransport transport, WorkflowRegistry registry,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<ObservationRegistry> observationRegistry) {
		DaprWorkflowTemplate template = new DaprWorkflowTemplate(transport,
				new DaprValueConverter(jsonMapper.getIfAvailable(JsonMapper::new)), registry);
		template.setObservationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
		return template;
	}

}
