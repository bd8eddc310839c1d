package dev.daprspring.boot.autoconfigure.actors;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServlet;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.actors.annotation.DaprActor;
import dev.daprspring.actors.client.ActorProxyFactory;
import dev.daprspring.actors.observation.ActorTurnObservationConvention;
import dev.daprspring.actors.runtime.ActorActivations;
import dev.daprspring.actors.runtime.ActorDispatcher;
import dev.daprspring.actors.runtime.ActorRuntimeSettings;
import dev.daprspring.actors.runtime.ActorRuntimeSettings.TypeSettings;
import dev.daprspring.actors.runtime.ActorTypes;
import dev.daprspring.actors.runtime.DaprActorServlet;
import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.boot.autoconfigure.messaging.DaprAppConnectionDetails;
import dev.daprspring.boot.autoconfigure.messaging.DaprAppConnectionDetailsConfiguration;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprValueConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Hosts the application's {@link DaprActor} types (the actor endpoints are served only
 * when there are some) and gives it an {@link ActorProxyFactory} to call actors.
 */
@AutoConfiguration(after = DaprClientAutoConfiguration.class)
@ConditionalOnClass(DaprActor.class)
@ConditionalOnBean(DaprTransport.class)
@ConditionalOnBooleanProperty(name = "dapr.actors.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DaprActorsProperties.class)
@Import(DaprAppConnectionDetailsConfiguration.class)
public final class DaprActorsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static ActorTypes daprActorTypes(ConfigurableListableBeanFactory beanFactory) {
		return ActorTypes.from(beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	ActorDispatcher daprActorDispatcher(ActorTypes types, ConfigurableListableBeanFactory beanFactory,
			DaprTransport transport, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ActorTurnObservationConvention> observationConvention) {
		DaprValueConverter converter = converter(jsonMapper);
		ActorDispatcher dispatcher = new ActorDispatcher(types, new ActorActivations(beanFactory, transport, converter),
				converter);
		dispatcher.setObservationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
		dispatcher.setObservationConvention(observationConvention.getIfAvailable());
		return dispatcher;
	}

	@Bean
	@ConditionalOnMissingBean
	ActorRuntimeSettings daprActorRuntimeSettings(DaprActorsProperties properties) {
		Map<String, TypeSettings> types = new LinkedHashMap<>();
		properties.getTypes()
			.forEach((name, type) -> types.put(name, new TypeSettings(type.getIdleTimeout(),
					type.getDrainOngoingCallTimeout(), type.getDrainRebalancedActors(), type.getReentrancy(),
					type.getMaxStackDepth())));
		return new ActorRuntimeSettings(properties.getIdleTimeout(), properties.getScanInterval(),
				properties.getDrainOngoingCallTimeout(), properties.isDrainRebalancedActors(), properties.isReentrancy(),
				properties.getMaxStackDepth(), types);
	}

	@Bean
	@ConditionalOnMissingBean
	ActorProxyFactory daprActorProxyFactory(DaprTransport transport, ActorTypes types, ActorRuntimeSettings settings,
			ObjectProvider<JsonMapper> jsonMapper) {
		return new ActorProxyFactory(transport, converter(jsonMapper), types, settings::reentrancy);
	}

	// Actor arguments, results and state are JSON of the application's mapper, as for DaprTemplate.
	private static DaprValueConverter converter(ObjectProvider<JsonMapper> jsonMapper) {
		return new DaprValueConverter(jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(HttpServlet.class)
	@Conditional(HostsActorsCondition.class)
	static class ActorEndpointsConfiguration {

		@Bean
		ServletRegistrationBean<DaprActorServlet> daprActorServlet(ActorDispatcher dispatcher,
				ActorRuntimeSettings settings, DaprAppConnectionDetails appConnection,
				ObjectProvider<JsonMapper> jsonMapper) {
			// The same token as the other sidecar-facing endpoints.
			DaprActorServlet servlet = new DaprActorServlet(dispatcher, settings,
					jsonMapper.getIfAvailable(JsonMapper::new), appConnection.getAppApiToken());
			ServletRegistrationBean<DaprActorServlet> registration = new ServletRegistrationBean<>(servlet,
					DaprActorServlet.MAPPINGS);
			registration.setName("daprActorServlet");
			return registration;
		}

	}

	// daprd 1.17 asks only an HTTP app channel for the hosted actor types (its gRPC channel has no
	// GetAppConfig): actors of an app on the gRPC channel would never be activated.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "dapr.app.protocol", havingValue = "grpc")
	@Conditional(HostsActorsCondition.class)
	static class GrpcAppChannelConfiguration {

		@Bean
		Object daprActorsOnGrpcAppChannel(ActorTypes types) {
			throw new IllegalStateException("This application hosts actor types " + types.names() + " but talks to "
					+ "daprd over the gRPC app channel (dapr.app.protocol=grpc): daprd 1.17 learns the actor types an "
					+ "application hosts only from GET /dapr/config over the HTTP app channel, so they would never be "
					+ "activated. Host them in an application on the HTTP app channel (dapr.app.protocol=http); calling "
					+ "actors through ActorProxyFactory works on either channel");
		}

	}

}
