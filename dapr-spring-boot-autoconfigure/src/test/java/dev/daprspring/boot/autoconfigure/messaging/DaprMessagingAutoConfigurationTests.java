package dev.daprspring.boot.autoconfigure.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.messaging.annotation.Topic;
import dev.daprspring.messaging.delivery.DefaultTopicErrorHandler;
import dev.daprspring.messaging.delivery.DeliveryRoutes;
import dev.daprspring.messaging.delivery.IncomingEvent;
import dev.daprspring.messaging.delivery.TopicErrorHandler;
import dev.daprspring.messaging.delivery.TopicEventListenerFactory;
import dev.daprspring.messaging.delivery.TopicEventStatus;
import dev.daprspring.messaging.endpoint.NoPubSubException;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import dev.daprspring.messaging.http.DaprTopicServlet;
import dev.daprspring.messaging.streaming.StreamingTopicSubscriptions;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link DaprMessagingAutoConfiguration} contributes, without a sidecar: the delivery
 * transport chosen by the application type and {@code dapr.messaging.delivery}, the
 * registered endpoints and the error handling.
 */
@ExtendWith(OutputCaptureExtension.class)
class DaprMessagingAutoConfigurationTests {

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations
		.of(DaprClientAutoConfiguration.class, DaprMessagingAutoConfiguration.class);

	private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS);

	private final ApplicationContextRunner plainRunner = new ApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS);

	@Test
	void aServletWebApplicationGetsTheTopicServletAtTheSubscribePathAndTheBasePath() {
		this.webRunner.withPropertyValues("dapr.messaging.base-path=/events/").run((context) -> {
			assertThat(context).hasSingleBean(TopicEndpointRegistry.class)
				.hasSingleBean(TopicEventListenerFactory.class)
				.hasSingleBean(DeliveryRoutes.class)
				.doesNotHaveBean(StreamingTopicSubscriptions.class);
			ServletRegistrationBean<?> registration = context.getBean("daprTopicServlet",
					ServletRegistrationBean.class);
			assertThat(registration.getServlet()).isInstanceOf(DaprTopicServlet.class);
			assertThat(registration.getUrlMappings()).containsExactly(DaprTopicServlet.SUBSCRIBE_PATH, "/events/*");
		});
	}

	@Test
	void theHttpAppChannelWithoutATokenWarnsAtStartupAndAnEmptyTokenCountsAsNone(CapturedOutput output) {
		this.webRunner.withPropertyValues("dapr.app.api-token=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("The HTTP app channel for topics (/dapr/subscribe, /dapr/topics/*) accepts calls "
					+ "without a token: whoever can reach the app's port can hand events to its handlers. Set "
					+ "dapr.app.api-token (or APP_API_TOKEN) to the APP_API_TOKEN daprd runs with");
		});
	}

	@Test
	void theHttpAppChannelWithATokenDoesNotWarn(CapturedOutput output) {
		this.webRunner.withPropertyValues("dapr.app.api-token=s3cret")
			.run((context) -> assertThat(output).doesNotContain("accepts calls without a token"));
	}

	@Test
	void anApplicationThatIsNotAServletWebApplicationGetsNoServlet() {
		this.plainRunner.run((context) -> assertThat(context).hasSingleBean(TopicEndpointRegistry.class)
			.doesNotHaveBean("daprTopicServlet")
			.doesNotHaveBean(StreamingTopicSubscriptions.class));
	}

	@Test
	void streamingDeliveryReplacesTheServletWithStreamingSubscriptions() {
		this.webRunner.withPropertyValues("dapr.messaging.delivery=streaming", "dapr.messaging.streaming.max-backoff=2s")
			.run((context) -> assertThat(context).doesNotHaveBean("daprTopicServlet")
				.hasSingleBean(StreamingTopicSubscriptions.class));
		this.plainRunner.withPropertyValues("dapr.messaging.delivery=streaming")
			.run((context) -> assertThat(context).hasSingleBean(StreamingTopicSubscriptions.class));
	}

	@Test
	void thePostProcessorRegistersTopicMethodsWithTheDefaultPubSubAndResolvedPlaceholders() {
		this.plainRunner.withBean(Handlers.class)
			.withPropertyValues("dapr.pubsub.default-name=orders-bus", "test.dead=orders-dead")
			.run((context) -> {
				TopicEndpointRegistry registry = context.getBean(TopicEndpointRegistry.class);
				assertThat(registry.getEndpoints()).singleElement().satisfies((endpoint) -> {
					assertThat(endpoint.pubsub()).isEqualTo("orders-bus");
					assertThat(endpoint.topic()).isEqualTo("orders");
					assertThat(endpoint.deadLetterTopic()).isEqualTo("orders-dead");
					assertThat(endpoint.metadata()).containsEntry("ttlInSeconds", "60");
					assertThat(endpoint.method().getName()).isEqualTo("order");
				});
			});
	}

	@Test
	void aTopicMethodWithMalformedMetadataFailsStartupNamingTheMethodAndTheExpectedForm() {
		this.plainRunner.withBean(MalformedHandlers.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("@Topic on MalformedHandlers.order")
				.hasMessageContaining("'ttl60'")
				.hasMessageContaining("key=value"));
	}

	@Test
	void failuresAreRetriedByDefault() {
		this.plainRunner.run((context) -> {
			assertThat(context).hasSingleBean(DefaultTopicErrorHandler.class);
			assertThat(status(context.getBean(TopicErrorHandler.class), new IllegalStateException("down")))
				.isEqualTo(TopicEventStatus.RETRY);
		});
	}

	@Test
	void theFailureStatusAndDropOnPropertiesConfigureTheDefaultErrorHandler() {
		this.plainRunner.withPropertyValues("dapr.messaging.failure-status=drop").run((context) -> {
			assertThat(status(context.getBean(TopicErrorHandler.class), new IllegalStateException("down")))
				.isEqualTo(TopicEventStatus.DROP);
		});
		this.plainRunner.withPropertyValues("dapr.messaging.drop-on=java.lang.IllegalArgumentException")
			.run((context) -> {
				TopicErrorHandler errorHandler = context.getBean(TopicErrorHandler.class);
				assertThat(status(errorHandler, new IllegalStateException("wrapped",
						new IllegalArgumentException("bad order")))).isEqualTo(TopicEventStatus.DROP);
				assertThat(status(errorHandler, new IllegalStateException("down"))).isEqualTo(TopicEventStatus.RETRY);
			});
	}

	@Test
	void aFailureStatusOfSuccessFailsStartupNamingTheAllowedValues() {
		this.plainRunner.withPropertyValues("dapr.messaging.failure-status=success")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("RETRY or DROP"));
	}

	@Test
	void aTopicErrorHandlerBeanReplacesTheDefaultOneAndIsUsedByTheListeners() {
		TopicErrorHandler own = (error, endpoint, event) -> TopicEventStatus.DROP;
		this.plainRunner.withBean(TopicErrorHandler.class, () -> own).withBean(FailingHandlers.class).run((context) -> {
			assertThat(context).doesNotHaveBean(DefaultTopicErrorHandler.class);
			assertThat(context.getBean(TopicErrorHandler.class)).isSameAs(own);
			TopicEndpoint endpoint = context.getBean(TopicEndpointRegistry.class).getEndpoints().get(0);
			// The default handler would answer RETRY for this failure.
			assertThat(context.getBean(DeliveryRoutes.class).snapshot().routeOf(endpoint).listener().onEvent(event()))
				.isEqualTo(TopicEventStatus.DROP);
		});
	}

	@Test
	void streamingStartupFailsOnATopicWithMatchRulesNamingTheTopicAndTheAlternatives() {
		this.plainRunner.withBean(RoutedHandlers.class)
			.withPropertyValues("dapr.messaging.delivery=streaming", "dapr.client.grpc-endpoint=http://127.0.0.1:1")
			.run((context) -> {
				assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("Topic 'shapes' of pub/sub 'pubsub' has handlers with match rules")
					.hasMessageContaining("streaming subscriptions cannot route");
				// The setting to change is Spring Boot's failure analysis to name.
				assertThat(new StreamingDeliveryFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
					.contains("dapr.messaging.delivery=http");
			});
	}

	@Test
	void streamingStartupGoesOnWithAWarningWhenTheSidecarDoesNotConfirmTheSubscriptions(CapturedOutput output) {
		this.plainRunner.withBean(Handlers.class)
			.withPropertyValues("dapr.messaging.delivery=streaming", "dapr.messaging.streaming.confirm-timeout=300ms",
					"dapr.client.grpc-endpoint=http://127.0.0.1:1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("The Dapr sidecar did not confirm every streaming subscription within "
						+ "PT0.3S; they keep trying in the background");
			});
	}

	private static TopicEventStatus status(TopicErrorHandler errorHandler, Throwable error) throws Exception {
		TopicEndpoint endpoint = new TopicEndpoint("pubsub", "orders", null, 0, null, Map.of(), false,
				new FailingHandlers(), FailingHandlers.class.getDeclaredMethod("order", String.class));
		return errorHandler.handleError(error, endpoint, event());
	}

	@Test
	void aTopicWithoutAPubSubAndNoDefaultFailsStartupNamingTheMethodAndTheDefaultProperty() {
		this.plainRunner.withBean(Handlers.class)
			.withPropertyValues("dapr.pubsub.default-name=", "test.dead=orders-dead")
			.run((context) -> {
				assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(NoPubSubException.class)
					.hasMessageContaining("@Topic on DaprMessagingAutoConfigurationTests.Handlers.order(Order)")
					.hasMessageContaining("has no pub/sub");
				assertThat(new NoPubSubFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
					.contains("dapr.pubsub.default-name");
			});
	}

	@Test
	void aDeclaredSubscriptionWithoutAPubSubAndNoDefaultFailsStartupNamingTheEntryAndTheDefaultProperty() {
		this.webRunner
			.withPropertyValues("dapr.pubsub.default-name=", "dapr.messaging.subscriptions[0].topic=orders",
					"dapr.messaging.subscriptions[0].route=/orders")
			.run((context) -> {
				assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(NoPubSubException.class)
					.hasMessageContaining("dapr.messaging.subscriptions[0]")
					.hasMessageContaining("topic 'orders' has no pub/sub");
				assertThat(new NoPubSubFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
					.contains("dapr.pubsub.default-name");
			});
	}

	@Test
	void aBasePathAtTheRootFailsStartupNamingTheProperty() {
		this.webRunner.withPropertyValues("dapr.messaging.base-path=/").run((context) -> {
			assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("base path must not be the root");
			// Spring Boot's failure analysis of a BindException names the property.
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof BindException)) {
				failure = failure.getCause();
			}
			assertThat(failure).isInstanceOfSatisfying(BindException.class,
					(bind) -> assertThat(bind.getProperty().getName()).hasToString("dapr.messaging.base-path"));
		});
	}

	private static IncomingEvent event() {
		return new IncomingEvent("pubsub", "orders", "o-1".getBytes(StandardCharsets.UTF_8), Map.of("id", "evt-1"));
	}

	static class Handlers {

		@Topic(name = "orders", deadLetterTopic = "${test.dead}", metadata = "ttlInSeconds=60")
		void order(Order order) {
		}

	}

	static class MalformedHandlers {

		@Topic(name = "orders", metadata = "ttl60")
		void order(Order order) {
		}

	}

	static class FailingHandlers {

		@Topic(name = "orders")
		void order(String order) {
			throw new IllegalStateException("warehouse unavailable (test)");
		}

	}

	static class RoutedHandlers {

		@Topic(name = "shapes", match = "event.type == \"circle\"")
		void circle(Order order) {
		}

		@Topic(name = "shapes")
		void other(Order order) {
		}

	}

}
