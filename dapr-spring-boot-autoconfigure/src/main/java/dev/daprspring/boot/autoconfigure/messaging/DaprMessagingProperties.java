package dev.daprspring.boot.autoconfigure.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.daprspring.messaging.delivery.TopicEventStatus;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of {@code @Topic} handlers and how the sidecar delivers their events.
 */
@ConfigurationProperties("dapr.messaging")
public class DaprMessagingProperties {

	/** How events reach the handlers: http (the sidecar calls the app) or streaming (the app opens streams). */
	private Delivery delivery = Delivery.HTTP;

	/** Path under which the sidecar posts events over the HTTP app channel. */
	private String basePath = "/dapr/topics";

	/** Status answered when a handler fails with an exception that is not classified as DROP: RETRY or DROP. */
	private TopicEventStatus failureStatus = TopicEventStatus.RETRY;

	/** More exception types (besides conversion failures and DropMessageException) that drop an event. */
	private List<Class<? extends Throwable>> dropOn = new ArrayList<>();

	/** Streaming subscriptions. */
	private final Streaming streaming = new Streaming();

	public Delivery getDelivery() {
		return this.delivery;
	}

	public void setDelivery(Delivery delivery) {
		this.delivery = delivery;
	}

	public String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(String basePath) {
		this.basePath = basePath;
	}

	public TopicEventStatus getFailureStatus() {
		return this.failureStatus;
	}

	public void setFailureStatus(TopicEventStatus failureStatus) {
		this.failureStatus = failureStatus;
	}

	public List<Class<? extends Throwable>> getDropOn() {
		return this.dropOn;
	}

	public void setDropOn(List<Class<? extends Throwable>> dropOn) {
		this.dropOn = dropOn;
	}

	public Streaming getStreaming() {
		return this.streaming;
	}

	/**
	 * How events reach the handlers.
	 */
	public enum Delivery {

		/** The sidecar reads GET /dapr/subscribe and posts events to the app. */
		HTTP,

		/** The app opens a SubscribeTopicEventsAlpha1 stream per topic; no app port needed. */
		STREAMING

	}

	/**
	 * Streaming subscriptions.
	 */
	public static class Streaming {

		/** Pause before opening an ended stream again; doubles on every failed attempt. */
		private Duration initialBackoff = Duration.ofMillis(200);

		/** Longest pause between attempts to open an ended stream again. */
		private Duration maxBackoff = Duration.ofSeconds(5);

		/** How long startup waits for the sidecar to confirm every subscription before going on without. */
		private Duration confirmTimeout = Duration.ofSeconds(10);

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getConfirmTimeout() {
			return this.confirmTimeout;
		}

		public void setConfirmTimeout(Duration confirmTimeout) {
			this.confirmTimeout = confirmTimeout;
		}

	}

}
