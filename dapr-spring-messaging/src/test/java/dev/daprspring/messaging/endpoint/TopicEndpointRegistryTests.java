package dev.daprspring.messaging.endpoint;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link TopicEndpointRegistry}.
 */
class TopicEndpointRegistryTests {

	private final TopicEndpointRegistry registry = new TopicEndpointRegistry();

	@Test
	void rulesAreOrderedByPriorityThenRegistrationAndTheDefaultIsKeptApart() throws Exception {
		TopicEndpoint late = endpoint("a", "event.type == 'late'", 5, null, "late");
		TopicEndpoint first = endpoint("a", "event.type == 'first'", 0, null, "first");
		TopicEndpoint fallback = endpoint("a", null, 0, "a-dead", "fallback");
		this.registry.register(late);
		this.registry.register(first);
		this.registry.register(fallback);
		assertThat(this.registry.getSubscriptions()).singleElement().satisfies((subscription) -> {
			assertThat(subscription.rules()).containsExactly(first, late);
			assertThat(subscription.defaultEndpoint()).isSameAs(fallback);
			assertThat(subscription.deadLetterTopic()).isEqualTo("a-dead");
		});
	}

	@Test
	void twoDefaultHandlersOfOneTopicAreRejectedNamingBoth() throws Exception {
		this.registry.register(endpoint("a", null, 0, null, "first"));
		assertThatIllegalStateException().isThrownBy(() -> this.registry.register(endpoint("a", null, 0, null, "late")))
			.withMessageContaining("Handlers.first(String) and ")
			.withMessageContaining("Handlers.late(String) handle every event of topic 'a' of pub/sub 'pubsub'")
			.withMessageContaining("give all but one of them a match rule");
	}

	@Test
	void differentDeadLetterTopicsForOneTopicAreRejected() throws Exception {
		this.registry.register(endpoint("a", "x", 0, "one", "first"));
		assertThatIllegalStateException().isThrownBy(() -> this.registry.register(endpoint("a", null, 0, "two", "late")))
			.withMessageContaining("different dead-letter topics 'one' and 'two'");
	}

	@Test
	void aRegistrationCallbackGetsTheEndpointsRegisteredBeforeAndEachOneRegisteredAfter() throws Exception {
		TopicEndpoint before = endpoint("a", null, 0, null, "first");
		TopicEndpoint after = endpoint("b", null, 0, null, "late");
		List<TopicEndpoint> handed = new ArrayList<>();
		this.registry.register(before);
		this.registry.onRegistration(handed::add);
		this.registry.register(after);
		assertThat(handed).containsExactly(before, after);
	}

	@Test
	void aRejectedEndpointIsNotHandedToTheCallbacks() throws Exception {
		List<TopicEndpoint> handed = new ArrayList<>();
		this.registry.onRegistration(handed::add);
		this.registry.register(endpoint("a", null, 0, null, "first"));
		assertThatIllegalStateException().isThrownBy(() -> this.registry.register(endpoint("a", null, 0, null, "late")));
		assertThat(handed).hasSize(1);
	}

	private static TopicEndpoint endpoint(String topic, String match, int priority, String deadLetter, String method)
			throws NoSuchMethodException {
		Method handler = Handlers.class.getDeclaredMethod(method, String.class);
		return new TopicEndpoint("pubsub", topic, match, priority, deadLetter, Map.of(), false, new Handlers(),
				handler);
	}

	static class Handlers {

		void first(String data) {
		}

		void late(String data) {
		}

		void fallback(String data) {
		}

	}

}
