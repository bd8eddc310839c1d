package dev.daprspring.boot.autoconfigure.messaging;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import dev.daprspring.messaging.endpoint.TopicSubscription;
import dev.daprspring.messaging.function.FunctionBindingRegistrar;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How {@link DaprFunctionAutoConfiguration} turns {@code dapr.function.bindings} into
 * subscriptions, and the startup failures of bindings that cannot work.
 */
class DaprFunctionAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DaprClientAutoConfiguration.class,
				ContextFunctionCatalogAutoConfiguration.class, DaprMessagingAutoConfiguration.class,
				DaprFunctionAutoConfiguration.class))
		.withUserConfiguration(Functions.class);

	@Test
	void eachBindingSubscribesToItsInputTopicOnTheDefaultPubSubUnlessItNamesOne() {
		this.runner
			.withPropertyValues("dapr.pubsub.default-name=events",
					"dapr.function.bindings.uppercase.input-topic=words",
					"dapr.function.bindings.uppercase.output-topic=shouts",
					"dapr.function.bindings.log.input-topic=lines", "dapr.function.bindings.log.pubsub=audit")
			.run((context) -> assertThat(context.getBean(TopicEndpointRegistry.class).getSubscriptions())
				.extracting(TopicSubscription::pubsub, TopicSubscription::topic)
				.containsExactly(tuple("events", "words"), tuple("audit", "lines")));
	}

	@Test
	void anUnknownFunctionFailsStartupNamingThePropertyAndTheFunctionsThatExist() {
		this.runner.withPropertyValues("dapr.function.bindings.uppercse.input-topic=words")
			.run((context) -> assertThat(analysis(context))
				.contains("dapr.function.bindings.uppercse names no function")
				.contains("uppercase")
				.contains("log"));
	}

	@Test
	void aBindingWithoutAnInputTopicFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("dapr.function.bindings.uppercase.output-topic=shouts")
			.run((context) -> assertThat(analysis(context))
				.contains("dapr.function.bindings.uppercase.input-topic is not set"));
	}

	@Test
	void aConsumerWithAnOutputTopicFailsStartupBecauseItReturnsNothing() {
		this.runner
			.withPropertyValues("dapr.function.bindings.log.input-topic=lines",
					"dapr.function.bindings.log.output-topic=echoes")
			.run((context) -> assertThat(analysis(context))
				.contains("dapr.function.bindings.log.output-topic is 'echoes'")
				.contains("is a Consumer"));
	}

	@Test
	void aSupplierCannotBeBoundToAnInputTopic() {
		this.runner.withPropertyValues("dapr.function.bindings.clock.input-topic=ticks")
			.run((context) -> assertThat(analysis(context))
				.contains("dapr.function.bindings.clock binds a Supplier"));
	}

	@Test
	void withoutSpringCloudFunctionTheBridgeBacksOff() {
		this.runner.withClassLoader(new FilteredClassLoader(FunctionCatalog.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FunctionBindingRegistrar.class));
	}

	// What a failed startup reports: the properties to change are the failure analysis's to name.
	private static String analysis(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new FunctionBindingFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).isNotNull();
		return analysis.getDescription() + " " + analysis.getAction();
	}

	@Configuration(proxyBeanMethods = false)
	static class Functions {

		@Bean
		Function<String, String> uppercase() {
			return String::toUpperCase;
		}

		@Bean
		Consumer<String> log() {
			return (line) -> {
			};
		}

		@Bean
		Supplier<String> clock() {
			return () -> "tick";
		}

	}

}
