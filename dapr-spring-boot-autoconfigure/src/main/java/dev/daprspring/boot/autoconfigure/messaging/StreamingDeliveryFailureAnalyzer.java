package dev.daprspring.boot.autoconfigure.messaging;

import dev.daprspring.messaging.streaming.StreamingDeliveryException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a subscription that streaming subscriptions cannot deliver, adding the setting
 * that delivers it over the app channel instead.
 */
class StreamingDeliveryFailureAnalyzer extends AbstractFailureAnalyzer<StreamingDeliveryException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StreamingDeliveryException cause) {
		return new FailureAnalysis(cause.getProblem(), cause.getRemedy()
				+ ", or have the sidecar deliver over the HTTP app channel: set dapr.messaging.delivery=http", cause);
	}

}
