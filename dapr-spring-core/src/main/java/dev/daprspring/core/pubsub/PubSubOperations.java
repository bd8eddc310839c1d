package dev.daprspring.core.pubsub;

import java.util.List;

/**
 * The publish side of one pub/sub component. Payloads are wrapped by the sidecar in a
 * CloudEvent: objects as JSON ({@code application/json}), a String as
 * {@code text/plain}, a {@code byte[]} as {@code application/octet-stream}, unless
 * {@link PublishOptions} name a content type. A {@link CloudEvent} payload is sent as the
 * whole envelope.
 */
public interface PubSubOperations {

	/** The pub/sub component these operations publish to. */
	String pubsubName();

	/** Publishes a payload to a topic. */
	void publish(String topic, Object payload);

	/**
	 * Publishes a payload with a content type, metadata, TTL, raw delivery or CloudEvent
	 * attributes of its own.
	 * @throws dev.daprspring.core.error.DaprComponentNotFoundException if the sidecar has
	 * no pub/sub of this name
	 */
	void publish(String topic, Object payload, PublishOptions options);

	/**
	 * Publishes a whole CloudEvent as {@code application/cloudevents+json}: subscribers
	 * receive its id, source, type, subject and extensions unchanged.
	 */
	void publish(String topic, CloudEvent<?> event);

	/** Publishes several payloads in one call; see {@link #publishAll(String, List, PublishOptions)}. */
	BulkPublishResult publishAll(String topic, List<?> payloads);

	/**
	 * Publishes several payloads in one call. Each is sent as its own event (a
	 * {@link CloudEvent} payload as its whole envelope); the options apply to all of them.
	 * @return the entries the component did not accept, by their index in {@code payloads}
	 * @throws dev.daprspring.core.error.DaprApiException if the component fails entries
	 * and the sidecar answers the whole call with an error, as daprd 1.17 does over gRPC
	 */
	BulkPublishResult publishAll(String topic, List<?> payloads, PublishOptions options);

}
