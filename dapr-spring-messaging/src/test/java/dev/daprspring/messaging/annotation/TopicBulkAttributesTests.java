package dev.daprspring.messaging.annotation;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daprspring.messaging.endpoint.BulkSubscribe;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import org.springframework.beans.factory.BeanInitializationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the bulk attributes of {@link Topic @Topic} as
 * {@link TopicAnnotationBeanPostProcessor} reads them.
 */
class TopicBulkAttributesTests {

	private final TopicEndpointRegistry registry = new TopicEndpointRegistry();

	private final TopicAnnotationBeanPostProcessor postProcessor = new TopicAnnotationBeanPostProcessor(
			() -> this.registry, "pubsub");

	@Test
	void bulkAttributesBecomeTheEndpointsAndTheSubscriptionsBulkSettings() {
		this.postProcessor.postProcessAfterInitialization(new BulkHandler(), "bulkHandler");
		assertThat(this.registry.getEndpoints().get(0).bulk()).isEqualTo(new BulkSubscribe(100, 1000));
		assertThat(this.registry.getSubscriptions().get(0).bulk()).isEqualTo(new BulkSubscribe(100, 1000));
	}

	@Test
	void aTopicWithoutBulkHasNoBulkSettings() {
		this.postProcessor.postProcessAfterInitialization(new SingleHandler(), "singleHandler");
		assertThat(this.registry.getSubscriptions().get(0).bulk()).isNull();
	}

	@Test
	void aBulkMethodThatDoesNotTakeAListFailsNamingTheMethodAndTheExpectedParameter() {
		assertThatExceptionOfType(BeanInitializationException.class)
			.isThrownBy(() -> this.postProcessor.postProcessAfterInitialization(new NotAList(), "notAList"))
			.withMessageContaining("@Topic on NotAList.order (bean 'notAList')")
			.withMessageContaining("List<T> or List<CloudEvent<T>>");
	}

	@Test
	void aBulkSizeThatIsNotAPositiveNumberFailsNamingTheAttributeAndAnExample() {
		assertThatExceptionOfType(BeanInitializationException.class)
			.isThrownBy(() -> this.postProcessor.postProcessAfterInitialization(new BadSize(), "badSize"))
			.withMessageContaining("bulkMaxMessages 'many'")
			.withMessageContaining("bulkMaxMessages = \"100\"");
	}

	@Test
	void aBulkFlagThatIsNotABooleanFailsNamingTheAllowedValues() {
		assertThatExceptionOfType(BeanInitializationException.class)
			.isThrownBy(() -> this.postProcessor.postProcessAfterInitialization(new BadFlag(), "badFlag"))
			.withMessageContaining("bulk 'yes'")
			.withMessageContaining("\"true\" or \"false\"");
	}

	@Test
	void aBulkAndASingleEventHandlerOfOneTopicConflictNamingBothMethods() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.postProcessor.postProcessAfterInitialization(new Mixed(), "mixed"))
			.withMessageContaining("Mixed.orders(List)")
			.withMessageContaining("Mixed.order(String)")
			.withMessageContaining("different bulk settings");
	}

	static class BulkHandler {

		@Topic(name = "orders", bulk = "true", bulkMaxMessages = "100", bulkMaxAwaitMs = "1000")
		void orders(List<String> orders) {
		}

	}

	static class SingleHandler {

		@Topic(name = "orders")
		void order(String order) {
		}

	}

	static class NotAList {

		@Topic(name = "orders", bulk = "true")
		void order(String order) {
		}

	}

	static class BadSize {

		@Topic(name = "orders", bulk = "true", bulkMaxMessages = "many")
		void orders(List<String> orders) {
		}

	}

	static class Mixed {

		@Topic(name = "orders", bulk = "true")
		void orders(List<String> orders) {
		}

		@Topic(name = "orders", match = "event.type == 'single'")
		void order(String order) {
		}

	}

	static class BadFlag {

		@Topic(name = "orders", bulk = "yes")
		void orders(List<String> orders) {
		}

	}

}
