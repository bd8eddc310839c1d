package dev.daprspring.boot.autoconfigure.actuate.endpoint;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.daprspring.actors.runtime.ActorTypes;
import dev.daprspring.boot.actuate.SidecarProbe;
import dev.daprspring.boot.actuate.endpoint.ActorHosts;
import dev.daprspring.boot.actuate.endpoint.ApplicationDescriptor;
import dev.daprspring.boot.actuate.endpoint.ClientDescriptor;
import dev.daprspring.boot.actuate.endpoint.DaprEndpoint;
import dev.daprspring.boot.actuate.endpoint.MessagingHandlers;
import dev.daprspring.boot.actuate.endpoint.WorkflowHosts;
import dev.daprspring.boot.autoconfigure.actuate.SidecarProbeConfiguration;
import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.core.client.DaprCallPolicy;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.messaging.binding.BindingEndpointRegistry;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import dev.daprspring.workflows.runtime.WorkflowWorker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Registers the {@code dapr} actuator endpoint when {@code spring-boot-actuator} is
 * present and the endpoint is exposed ({@code management.endpoints.web.exposure.include}).
 */
@AutoConfiguration(after = DaprClientAutoConfiguration.class,
		afterName = "dev.daprspring.boot.autoconfigure.messaging.DaprMessagingAutoConfiguration")
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean({ DaprConnectionDetails.class, DaprClientOptions.class })
@ConditionalOnAvailableEndpoint(DaprEndpoint.class)
@Import(SidecarProbeConfiguration.class)
public final class DaprEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DaprEndpoint daprEndpoint(SidecarProbe sidecar, DaprClientOptions options, ObjectProvider<DaprCallPolicy> policy,
			ObjectProvider<DaprApplicationHandlers> handlers, ObjectProvider<DaprActorHosts> actors,
			ObjectProvider<DaprWorkflowHosts> workflows) {
		DaprApplicationHandlers messaging = handlers.getIfAvailable(() -> ApplicationDescriptor::none);
		DaprActorHosts hosted = actors.getIfAvailable(() -> List::of);
		DaprWorkflowHosts run = workflows.getIfAvailable(() -> () -> null);
		return new DaprEndpoint(sidecar, () -> messaging.get().withActors(hosted.get()).withWorkflows(run.get()),
				() -> ClientDescriptor.of(options, policy.getIfAvailable()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TopicEndpointRegistry.class)
	static class MessagingConfiguration {

		@Bean
		DaprApplicationHandlers daprApplicationHandlers(ObjectProvider<TopicEndpointRegistry> topics,
				ObjectProvider<BindingEndpointRegistry> bindings) {
			MessagingHandlers handlers = new MessagingHandlers(topics.getIfAvailable(), bindings.getIfAvailable());
			return handlers::get;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ActorTypes.class)
	static class ActorsConfiguration {

		@Bean
		DaprActorHosts daprActorHosts(ObjectProvider<ActorTypes> types) {
			return () -> {
				ActorTypes hosted = types.getIfAvailable();
				return (hosted != null) ? ActorHosts.describe(hosted) : List.of();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WorkflowWorker.class)
	static class WorkflowsConfiguration {

		@Bean
		DaprWorkflowHosts daprWorkflowHosts(ObjectProvider<WorkflowWorker> worker) {
			return () -> {
				WorkflowWorker running = worker.getIfAvailable();
				return (running != null && !running.getRegistry().isEmpty()) ? WorkflowHosts.describe(running)
						: null;
			};
		}

	}

	/** Supplies the workflows the application runs to the endpoint, {@code null} for none. */
	interface DaprWorkflowHosts extends Supplier<ApplicationDescriptor.@Nullable WorkflowHost> {

	}

	/** Supplies the actor types the application hosts to the endpoint. */
	@FunctionalInterface
	interface DaprActorHosts extends Supplier<List<ApplicationDescriptor.ActorHost>> {

	}

	/** Supplies the application's handlers to the endpoint. */
	@FunctionalInterface
	interface DaprApplicationHandlers extends Supplier<ApplicationDescriptor> {

	}

}
