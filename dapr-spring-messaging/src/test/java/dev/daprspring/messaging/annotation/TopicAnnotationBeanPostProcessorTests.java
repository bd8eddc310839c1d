package dev.daprspring.messaging.annotation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How {@link TopicAnnotationBeanPostProcessor} reads the {@code concurrency} of a
 * {@link Topic @Topic}.
 */
class TopicAnnotationBeanPostProcessorTests {

	@Test
	void theConcurrencyIsResolvedFromAPlaceholderAndAnEmptyOneMeansNoLimit() {
		try (AnnotationConfigApplicationContext context = context(LimitedHandlers.class)) {
			TopicEndpointRegistry registry = context.getBean(TopicEndpointRegistry.class);
			assertThat(registry.getEndpoints()).extracting((endpoint) -> endpoint.topic() + "=" + endpoint.concurrency())
				.containsExactlyInAnyOrder("limited=4", "unlimited=0");
		}
	}

	@Test
	void aConcurrencyThatIsNotAPositiveWholeNumberFailsNamingTheHandlerAndAnExample() {
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> context(ZeroHandlers.class))
			.havingRootCause()
			.withMessage("@Topic on ZeroHandlers.order (bean 'handlers') has concurrency '0', which is not a positive "
					+ "whole number, for example concurrency = \"4\"");
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> context(WordHandlers.class))
			.havingRootCause()
			.withMessageContaining("has concurrency 'many', which is not a positive whole number");
	}

	private static AnnotationConfigApplicationContext context(Class<?> handlers) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("orders.concurrency", "4")));
		TopicEndpointRegistry registry = new TopicEndpointRegistry();
		context.registerBean(TopicEndpointRegistry.class, () -> registry);
		context.registerBean(TopicAnnotationBeanPostProcessor.class,
				() -> new TopicAnnotationBeanPostProcessor(() -> registry, "pubsub"));
		context.registerBean("handlers", handlers);
		try {
			context.refresh();
		}
		catch (RuntimeException ex) {
			context.close();
			throw ex;
		}
		return context;
	}

	static class LimitedHandlers {

		@Topic(name = "limited", concurrency = "${orders.concurrency}")
		void order(String order) {
		}

		@Topic(name = "unlimited")
		void other(String order) {
		}

	}

	static class ZeroHandlers {

		@Topic(name = "orders", concurrency = "0")
		void order(String order) {
		}

	}

	static class WordHandlers {

		@Topic(name = "orders", concurrency = "many")
		void order(String order) {
		}

	}

}
