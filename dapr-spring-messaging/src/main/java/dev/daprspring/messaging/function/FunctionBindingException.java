package dev.daprspring.messaging.function;

import org.jspecify.annotations.Nullable;

/**
 * A function binding that cannot work, for which function and why. Which configuration
 * made the binding is for the application's configuration to say (Spring Boot's failure
 * analysis does).
 */
public class FunctionBindingException extends IllegalStateException {

	private final String function;

	private final Problem problem;

	private final @Nullable String outputTopic;

	FunctionBindingException(String function, Problem problem, @Nullable String outputTopic, String message) {
		super(message);
		this.function = function;
		this.problem = problem;
		this.outputTopic = outputTopic;
	}

	/** The name of the bound function. */
	public String getFunction() {
		return this.function;
	}

	/** What is wrong with the binding. */
	public Problem getProblem() {
		return this.problem;
	}

	/** The binding's output topic, or {@code null} when it has none. */
	public @Nullable String getOutputTopic() {
		return this.outputTopic;
	}

	/** What can be wrong with a function binding. */
	public enum Problem {

		/** It names no input topic. */
		NO_INPUT_TOPIC,

		/** Its pub/sub name is empty. */
		NO_PUBSUB,

		/** The function catalog has no function of its name. */
		UNKNOWN_FUNCTION,

		/** The function is a Supplier, which takes no input. */
		SUPPLIER,

		/** The function is a Consumer, which returns nothing to publish, but it has an output topic. */
		CONSUMER_WITH_OUTPUT_TOPIC

	}

}
