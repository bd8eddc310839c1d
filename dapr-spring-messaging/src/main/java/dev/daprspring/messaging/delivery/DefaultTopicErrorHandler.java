package dev.daprspring.messaging.delivery;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.core.convert.DaprConversionException;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.util.Assert;

/**
 * Drops events that can never be handled (their data cannot be converted to the handler's
 * parameters, or the handler threw {@link DropMessageException} or another configured
 * type), and answers every other failure with the failure status, {@code RETRY} by
 * default. Logs each failure, without the event's data.
 */
public class DefaultTopicErrorHandler implements TopicErrorHandler {

	private static final Log logger = LogFactory.getLog(DefaultTopicErrorHandler.class);

	private final Set<Class<? extends Throwable>> dropOn = new LinkedHashSet<>(Set.of(DropMessageException.class,
			MessageConversionException.class, MethodArgumentResolutionException.class, DaprConversionException.class));

	private TopicEventStatus failureStatus = TopicEventStatus.RETRY;

	/** The status for failures that are not classified as DROP; {@code RETRY} by default. */
	public void setFailureStatus(TopicEventStatus failureStatus) {
		Assert.isTrue(failureStatus != TopicEventStatus.SUCCESS,
				"The failure status must be RETRY or DROP; a failed event is never a SUCCESS");
		this.failureStatus = failureStatus;
	}

	/** Adds exception types (matched anywhere in the cause chain) that drop the event. */
	public void addDropOn(Class<? extends Throwable> type) {
		this.dropOn.add(type);
	}

	@Override
	public TopicEventStatus handleError(Throwable error, TopicEndpoint endpoint, IncomingEvent event) {
		if (isDrop(error)) {
			logger.warn("Dropping " + event.describe() + ": " + endpoint.describe() + " cannot handle it: "
					+ error.getMessage() + endpoint.deadLetterNote());
			return TopicEventStatus.DROP;
		}
		// Whether RETRY brings the event back depends on the pub/sub: in-memory never redelivers.
		String outcome = (this.failureStatus == TopicEventStatus.RETRY)
				? "answering RETRY (whether the sidecar delivers it again depends on the pub/sub component and its "
						+ "resiliency policy; dapr.messaging.retry.max-retries retries inside the application)"
				: "dropping it" + endpoint.deadLetterNote();
		logger.warn(endpoint.describe() + " failed on " + event.describe() + ", " + outcome, error);
		return this.failureStatus;
	}

	/** Whether this failure drops the event (so retrying it cannot help). */
	public boolean isDrop(Throwable error) {
		return HandlerRetries.inCauseChain(error, List.copyOf(this.dropOn));
	}

}
