package dev.daprspring.boot.autoconfigure.messaging;

import dev.daprspring.messaging.endpoint.NoPubSubException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@code @Topic} handler or declared subscription without a pub/sub, naming the
 * property that gives every one of them a default.
 */
class NoPubSubFailureAnalyzer extends AbstractFailureAnalyzer<NoPubSubException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoPubSubException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Name the pub/sub component on the handler (@Topic(pubsub = \"…\")) or the subscription "
						+ "(dapr.messaging.subscriptions[n].pubsub), or set dapr.pubsub.default-name to the "
						+ "pub/sub component the application uses (an empty value means no default)",
				cause);
	}

}
