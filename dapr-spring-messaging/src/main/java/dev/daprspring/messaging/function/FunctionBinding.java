package dev.daprspring.messaging.function;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A function bound to topics.
 *
 * @param function the function's name in the {@code FunctionCatalog}
 * @param pubsub the pub/sub component of both topics
 * @param inputTopic the topic whose events the function receives
 * @param outputTopic the topic a function's results are published to, or {@code null} to
 * publish nothing
 */
public record FunctionBinding(String function, String pubsub, String inputTopic, @Nullable String outputTopic) {

	public FunctionBinding {
		Assert.hasText(inputTopic, () -> "dapr.function.bindings." + function + ".input-topic is not set; name "
				+ "the topic whose events '" + function + "' receives");
		Assert.hasText(pubsub, () -> "dapr.function.bindings." + function + ".pubsub is empty; name the pub/sub "
				+ "component or leave it unset for dapr.pubsub.default-name");
		outputTopic = (outputTopic != null && outputTopic.isBlank()) ? null : outputTopic;
	}

}
