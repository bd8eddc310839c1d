package dev.daprspring.messaging.function;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

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
		if (!StringUtils.hasText(inputTopic)) {
			throw new FunctionBindingException(function, FunctionBindingException.Problem.NO_INPUT_TOPIC, outputTopic,
					"Function '" + function + "' is bound to no input topic; name the topic whose events it receives");
		}
		if (!StringUtils.hasText(pubsub)) {
			throw new FunctionBindingException(function, FunctionBindingException.Problem.NO_PUBSUB, outputTopic,
					"Function '" + function + "' is bound to an empty pub/sub name; name the pub/sub component");
		}
		outputTopic = (outputTopic != null && outputTopic.isBlank()) ? null : outputTopic;
	}

}
