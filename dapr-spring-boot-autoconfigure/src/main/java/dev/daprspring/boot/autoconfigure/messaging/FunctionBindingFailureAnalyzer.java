package dev.daprspring.boot.autoconfigure.messaging;

import dev.daprspring.messaging.function.FunctionBindingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a function binding that cannot work in terms of the
 * {@code dapr.function.bindings.<function>} properties that made it.
 */
class FunctionBindingFailureAnalyzer extends AbstractFailureAnalyzer<FunctionBindingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FunctionBindingException cause) {
		String binding = "dapr.function.bindings." + cause.getFunction();
		String function = "'" + cause.getFunction() + "'";
		return switch (cause.getProblem()) {
			case NO_INPUT_TOPIC -> new FailureAnalysis(binding + ".input-topic is not set",
					"Set " + binding + ".input-topic to the topic whose events " + function + " receives", cause);
			case NO_PUBSUB -> new FailureAnalysis(binding + ".pubsub is empty", "Name the pub/sub component in "
					+ binding + ".pubsub, or leave it unset for dapr.pubsub.default-name", cause);
			case UNKNOWN_FUNCTION -> new FailureAnalysis(binding + " names no function: " + cause.getMessage(),
					"Bind one of the catalog's functions, or define a Function or Consumer bean named " + function,
					cause);
			case SUPPLIER -> new FailureAnalysis(binding + " binds a Supplier, which takes no input",
					"Bind a Function or a Consumer to a topic", cause);
			case CONSUMER_WITH_OUTPUT_TOPIC -> new FailureAnalysis(binding + ".output-topic is '"
					+ cause.getOutputTopic() + "', but " + function + " is a Consumer and returns nothing",
					"Remove " + binding + ".output-topic, or bind a Function", cause);
		};
	}

}
