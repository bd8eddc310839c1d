package dev.daprspring.boot.autoconfigure.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.boot.autoconfigure.client.DaprPubSubProperties;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.messaging.annotation.TopicAnnotationBeanPostProcessor;
import dev.daprspring.messaging.binding.BindingEndpointRegistry;
import dev.daprspring.messaging.binding.BindingEventDispatcher;
import dev.daprspring.messaging.binding.BindingListenerAnnotationBeanPostProcessor;
import dev.daprspring.messaging.delivery.DefaultTopicErrorHandler;
import dev.daprspring.messaging.delivery.DeliveryRoutes;
import dev.daprspring.messaging.delivery.HandlerRetries;
import dev.daprspring.messaging.delivery.TopicErrorHandler;
import dev.daprspring.messaging.delivery.TopicEventListenerFactory;
import dev.daprspring.messaging.endpoint.DeclaredSubscription;
import dev.daprspring.messaging.endpoint.NoPubSubException;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import dev.daprspring.messaging.handler.CloudEventDataConverter;
import dev.daprspring.messaging.handler.TopicHandlerMethodFactory;
import dev.daprspring.messaging.http.DaprBindingServlet;
import dev.daprspring.messaging.http.DaprJobServlet;
import dev.daprspring.messaging.http.DaprTopicServlet;
import dev.daprspring.messaging.http.SubscriptionVerifier;
import dev.daprspring.messaging.job.JobEndpointRegistry;
import dev.daprspring.messaging.job.JobEventDispatcher;
import dev.daprspring.messaging.job.JobListenerAnnotationBeanPostProcessor;
import dev.daprspring.messaging.job.ScheduledJobs;
import dev.daprspring.messaging.observation.TopicDeliveryObservationConvention;
import dev.daprspring.messaging.streaming.StreamingTopicSubscriptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration for {@code @Topic} handlers: finds them, publishes their
 * subscriptions and delivers events to them over the HTTP app channel (a servlet, in a
 * servlet web application) or over streaming subscriptions
 * ({@code dapr.messaging.delivery=streaming}); and for {@code @BindingListener} methods,
 * served over the HTTP app channel.
 */
@AutoConfiguration(after = DaprClientAutoConfiguration.class,
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(TopicEndpointRegistry.class)
@EnableConfigurationProperties({ DaprMessagingProperties.class, DaprAppProperties.class })
@Import(DaprAppConnectionDetailsConfiguration.class)
public final class DaprMessagingAutoConfiguration {

	private static final Log logger = LogFactory.getLog(DaprMessagingAutoConfiguration.class);

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static TopicAnnotationBeanPostProcessor daprTopicAnnotationBeanPostProcessor(
			ObjectProvider<TopicEndpointRegistry> registry) {
		// Resolved per @Topic, so dapr.pubsub.default-name is read from the environment as it is then.
		return new TopicAnnotationBeanPostProcessor(registry::getObject,
				DaprPubSubProperties.defaultNamePlaceholder());
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static BindingListenerAnnotationBeanPostProcessor daprBindingListenerAnnotationBeanPostProcessor(
			ObjectProvider<BindingEndpointRegistry> registry) {
		return new BindingListenerAnnotationBeanPostProcessor(registry::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	BindingEndpointRegistry daprBindingEndpointRegistry() {
		return new BindingEndpointRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	BindingEventDispatcher daprBindingEventDispatcher(ObjectProvider<JsonMapper> jsonMapper) {
		return new BindingEventDispatcher(TopicHandlerMethodFactory.create(jsonMapper.getIfAvailable(JsonMapper::new)));
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static JobListenerAnnotationBeanPostProcessor daprJobListenerAnnotationBeanPostProcessor(
			ObjectProvider<JobEndpointRegistry> registry) {
		return new JobListenerAnnotationBeanPostProcessor(registry::getObject);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ScheduledJobs daprScheduledJobs(ObjectProvider<JobEndpointRegistry> registry,
			ObjectProvider<DaprOperations> dapr) {
		return new ScheduledJobs(registry::getObject, () -> dapr.getObject().jobs());
	}

	@Bean
	@ConditionalOnMissingBean
	JobEndpointRegistry daprJobEndpointRegistry() {
		return new JobEndpointRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	JobEventDispatcher daprJobEventDispatcher(ObjectProvider<JsonMapper> jsonMapper) {
		return new JobEventDispatcher(TopicHandlerMethodFactory.create(jsonMapper.getIfAvailable(JsonMapper::new)));
	}

	@Bean
	@ConditionalOnMissingBean
	TopicEndpointRegistry daprTopicEndpointRegistry() {
		return new TopicEndpointRegistry();
	}

	@Bean
	@ConditionalOnMissingBean(TopicErrorHandler.class)
	DefaultTopicErrorHandler daprTopicErrorHandler(DaprMessagingProperties properties) {
		DefaultTopicErrorHandler errorHandler = new DefaultTopicErrorHandler();
		errorHandler.setFailureStatus(properties.getFailureStatus());
		properties.getDropOn().forEach(errorHandler::addDropOn);
		return errorHandler;
	}

	@Bean
	@ConditionalOnMissingBean
	TopicEventListenerFactory daprTopicEventListenerFactory(ObjectProvider<JsonMapper> jsonMapper,
			TopicErrorHandler errorHandler, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<TopicDeliveryObservationConvention> observationConvention,
			DaprMessagingProperties properties) {
		JsonMapper json = jsonMapper.getIfAvailable(JsonMapper::new);
		TopicEventListenerFactory listeners = new TopicEventListenerFactory(TopicHandlerMethodFactory.create(json),
				new CloudEventDataConverter(json), errorHandler);
		listeners.setObservationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
		listeners.setObservationConvention(observationConvention.getIfAvailable());
		listeners.setConcurrencyWait(properties.getConcurrencyWait());
		DaprMessagingProperties.Retry retry = properties.getRetry();
		listeners.setRetryPolicy(HandlerRetries.policy(retry.getMaxRetries(), retry.getDelay(), retry.getMultiplier(),
				retry.getMaxDelay(), retry.getNoRetryOn(),
				(error) -> errorHandler instanceof DefaultTopicErrorHandler defaults && defaults.isDrop(error)));
		return listeners;
	}

	// Builds each endpoint's listener when it is registered; every transport delivers through it.
	@Bean
	@ConditionalOnMissingBean
	DeliveryRoutes daprDeliveryRoutes(TopicEndpointRegistry registry, TopicEventListenerFactory listenerFactory) {
		return new DeliveryRoutes(registry, listenerFactory);
	}

	/** Warns at startup that a channel the sidecar calls admits every caller. */
	static void warnWithoutAppApiToken(String channel) {
		logger.warn(channel + " accepts calls without a token: whoever can reach the app's port can hand events to "
				+ "its handlers. Set dapr.app.api-token (or APP_API_TOKEN) to the APP_API_TOKEN daprd runs with "
				+ "(dapr.sidecar.app-api-token for a launched sidecar)");
	}

	private static List<DeclaredSubscription> declaredSubscriptions(DaprMessagingProperties properties,
			Environment environment) {
		String defaultPubsub = DaprPubSubProperties.defaultName(environment);
		List<DeclaredSubscription> declared = new ArrayList<>();
		List<DaprMessagingProperties.Subscription> subscriptions = properties.getSubscriptions();
		for (int i = 0; i < subscriptions.size(); i++) {
			DaprMessagingProperties.Subscription subscription = subscriptions.get(i);
			String pubsub = StringUtils.hasText(subscription.getPubsub()) ? subscription.getPubsub() : defaultPubsub;
			try {
				declared.add(new DeclaredSubscription(pubsub, nonNull(subscription.getTopic()),
						nonNull(subscription.getRoute()), subscription.getDeadLetterTopic(),
						subscription.getMetadata()));
			}
			catch (NoPubSubException ex) {
				throw new NoPubSubException("dapr.messaging.subscriptions[" + i + "]: " + ex.getMessage());
			}
			catch (IllegalArgumentException ex) {
				// The entry index says more than the stack of the check that failed.
				throw new IllegalStateException("dapr.messaging.subscriptions[" + i + "]: " + ex.getMessage());
			}
		}
		return declared;
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/**
	 * The HTTP app channel: the sidecar reads {@code /dapr/subscribe} and posts events.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "jakarta.servlet.Servlet")
	@ConditionalOnProperty(name = "dapr.messaging.delivery", havingValue = "http", matchIfMissing = true)
	@ConditionalOnProperty(name = "dapr.app.protocol", havingValue = "http", matchIfMissing = true)
	static class HttpDeliveryConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "daprTopicServlet")
		ServletRegistrationBean<DaprTopicServlet> daprTopicServlet(DeliveryRoutes routes,
				ObjectProvider<JsonMapper> jsonMapper, DaprMessagingProperties properties, DaprAppProperties app,
				DaprAppConnectionDetails appConnection, Environment environment, ObjectProvider<DaprOperations> dapr) {
			String contextPath = environment.getProperty("server.servlet.context-path", "");
			if (StringUtils.hasText(contextPath) && !"/".equals(contextPath)) {
				logger.warn("server.servlet.context-path is '" + contextPath + "', but daprd reads "
						+ DaprTopicServlet.SUBSCRIBE_PATH + " at the root of the app port, so it finds no "
						+ "subscriptions and delivers nothing; use dapr.messaging.delivery=streaming or "
						+ "dapr.app.protocol=grpc, or serve the app at the root (the routes published under "
						+ contextPath + DaprTopicServlet.SUBSCRIBE_PATH + " include the context path, for a proxy "
						+ "that maps the root to it)");
			}
			DaprTopicServlet servlet = new DaprTopicServlet(routes, jsonMapper.getIfAvailable(JsonMapper::new),
					properties.getBasePath());
			String token = appConnection.getAppApiToken();
			if (token == null) {
				warnWithoutAppApiToken("The HTTP app channel for topics (" + DaprTopicServlet.SUBSCRIBE_PATH + ", "
						+ properties.getBasePath() + "/*)");
			}
			servlet.setAppApiToken(token);
			servlet.setMaxBodySize(app.getMaxBodySize().toBytes());
			servlet.setDeclaredSubscriptions(declaredSubscriptions(properties, environment));
			DaprOperations operations = dapr.getIfAvailable();
			if (operations != null) {
				servlet.setSubscriptionVerifier(new SubscriptionVerifier(operations::metadata, Duration.ofSeconds(10),
						Duration.ofMillis(500)));
			}
			ServletRegistrationBean<DaprTopicServlet> registration = new ServletRegistrationBean<>(servlet,
					servlet.getMappings());
			registration.setName("daprTopicServlet");
			return registration;
		}

	}

	/**
	 * Input bindings over the HTTP app channel, whatever the topics' delivery: the sidecar
	 * calls {@code /<binding>}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "jakarta.servlet.Servlet")
	@ConditionalOnProperty(name = "dapr.app.protocol", havingValue = "http", matchIfMissing = true)
	static class HttpBindingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "daprBindingServletInitializer")
		BindingServletInitializer daprBindingServletInitializer(ConfigurableListableBeanFactory beanFactory,
				BindingEndpointRegistry registry, BindingEventDispatcher dispatcher, DaprAppProperties app,
				DaprAppConnectionDetails appConnection) {
			DaprBindingServlet servlet = new DaprBindingServlet(registry, dispatcher);
			String token = appConnection.getAppApiToken();
			servlet.setAppApiToken(token);
			servlet.setMaxBodySize(app.getMaxBodySize().toBytes());
			return new BindingServletInitializer(beanFactory, registry, servlet, token != null);
		}

		// daprd calls /job/<name> when a job is due; a job without a handler is answered 404 (done, not retried).
		@Bean
		@ConditionalOnMissingBean(name = "daprJobServlet")
		ServletRegistrationBean<DaprJobServlet> daprJobServlet(JobEndpointRegistry registry,
				JobEventDispatcher dispatcher, DaprAppProperties app, DaprAppConnectionDetails appConnection) {
			DaprJobServlet servlet = new DaprJobServlet(registry, dispatcher);
			servlet.setAppApiToken(appConnection.getAppApiToken());
			servlet.setMaxBodySize(app.getMaxBodySize().toBytes());
			ServletRegistrationBean<DaprJobServlet> registration = new ServletRegistrationBean<>(servlet,
					DaprJobServlet.MAPPING);
			registration.setName("daprJobServlet");
			return registration;
		}

	}

	/**
	 * {@code dapr.app.protocol=grpc} without Spring gRPC's server: nothing would serve the
	 * sidecar, so startup fails saying what to add.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "dapr.app.protocol", havingValue = "grpc")
	@ConditionalOnMissingClass("org.springframework.grpc.server.GrpcServerFactory")
	static class MissingGrpcServerConfiguration {

		MissingGrpcServerConfiguration() {
			throw new IllegalStateException("dapr.app.protocol=grpc needs Spring gRPC's server to serve the "
					+ "AppCallback service, but it is not on the classpath; add "
					+ "org.springframework.grpc:spring-grpc-server-spring-boot-starter, or remove dapr.app.protocol "
					+ "to use the HTTP app channel");
		}

	}

	/**
	 * Streaming subscriptions: the application opens one stream per topic to the sidecar.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "dapr.messaging.delivery", havingValue = "streaming")
	static class StreamingDeliveryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(DaprTransport.class)
		StreamingTopicSubscriptions daprStreamingTopicSubscriptions(DaprTransport transport, DeliveryRoutes routes,
				DaprMessagingProperties properties) {
			StreamingTopicSubscriptions subscriptions = new StreamingTopicSubscriptions(transport, routes);
			subscriptions.setInitialBackoff(properties.getStreaming().getInitialBackoff());
			subscriptions.setMaxBackoff(properties.getStreaming().getMaxBackoff());
			subscriptions.setConfirmTimeout(properties.getStreaming().getConfirmTimeout());
			return subscriptions;
		}

	}

}
