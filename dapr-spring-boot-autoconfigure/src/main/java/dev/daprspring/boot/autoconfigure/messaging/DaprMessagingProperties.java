package dev.daprspring.boot.autoconfigure.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.delivery.DeliveryRoutes;
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

	/** How long an event waits for a free delivery of a handler with a @Topic concurrency limit before it is answered RETRY. */
	private Duration concurrencyWait = Duration.ofSeconds(30);

	/** Streaming subscriptions. */
	private final Streaming streaming = new Streaming();

	/** Retries of a failing @Topic handler inside the application, before failure-status applies. */
	private final Retry retry = new Retry();

	public Retry getRetry() {
		return this.retry;
	}

	/** Subscriptions to routes the application serves itself, published in /dapr/subscribe next to @Topic ones. */
	private List<Subscription> subscriptions = new ArrayList<>();

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
		// Checked here so that the startup failure names the property.
		DeliveryRoutes.normalize(basePath);
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

	public Duration getConcurrencyWait() {
		return this.concurrencyWait;
	}

	public void setConcurrencyWait(Duration concurrencyWait) {
		this.concurrencyWait = concurrencyWait;
	}

	public Streaming getStreaming() {
		return this.streaming;
	}

	public List<Subscription> getSubscriptions() {
		return this.subscriptions;
	}

	public void setSubscriptions(List<Subscription> subscriptions) {
		this.subscriptions = subscriptions;
	}

	/**
	 * A subscription to a route the application serves itself.
	 */
	public static class Subscription {

		/** The pub/sub component; dapr.pubsub.default-name when not set. */
		private @Nullable String pubsub;

		/** The topic. */
		private @Nullable String topic;

		/** The path the sidecar posts events to, for example /orders. */
		private @Nullable String route;

		/** Where the sidecar sends events the route drops. */
		private @Nullable String deadLetterTopic;

		/** Subscription metadata, for example rawPayload=true. */
		private Map<String, String> metadata = new LinkedHashMap<>();

		public @Nullable String getPubsub() {
			return this.pubsub;
		}

		public void setPubsub(@Nullable String pubsub) {
			this.pubsub = pubsub;
		}

		public @Nullable String getTopic() {
			return this.topic;
		}

		public void setTopic(@Nullable String topic) {
			this.topic = topic;
		}

		public @Nullable String getRoute() {
			return this.route;
		}

		public void setRoute(@Nullable String route) {
			this.route = route;
		}

		public @Nullable String getDeadLetterTopic() {
			return this.deadLetterTopic;
		}

		public void setDeadLetterTopic(@Nullable String deadLetterTopic) {
			this.deadLetterTopic = deadLetterTopic;
		}

		public Map<String, String> getMetadata() {
			return this.metadata;
		}

		public void setMetadata(Map<String, String> metadata) {
			this.metadata = metadata;
		}

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

	/**
	 * Retries of a failing handler inside the application, with an exponential back-off.
	 */
	public static class Retry {

		/** How many times a failed handler is called again before failure-status applies; 0 for none. */
		private int maxRetries;

		/** The wait before the first retry. */
		private Duration delay = Duration.ofSeconds(1);

		/** How much each wait grows over the one before. */
		private double multiplier = 2.0;

		/** The longest wait between two tries. */
		private Duration maxDelay = Duration.ofSeconds(30);

		/** Exception types (anywhere in the cause chain) that are never retried; failures that drop the event never are either. */
		private List<Class<? extends Throwable>> noRetryOn = new ArrayList<>(List.of(IllegalArgumentException.class));

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getDelay() {
			return this.delay;
		}

		public void setDelay(Duration delay) {
			this.delay = delay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public List<Class<? extends Throwable>> getNoRetryOn() {
			return this.noRetryOn;
		}

		public void setNoRetryOn(List<Class<? extends Throwable>> noRetryOn) {
			this.noRetryOn = noRetryOn;
		}

	}

}
