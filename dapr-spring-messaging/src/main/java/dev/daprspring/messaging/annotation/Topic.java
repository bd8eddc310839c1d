package dev.daprspring.messaging.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of any bean as the handler of a pub/sub topic. The application publishes
 * the subscription itself. Every attribute may hold {@code ${…}} placeholders.
 * <p>
 * Parameters: the payload converted from the CloudEvent data to the declared type (a
 * record, a generic type, {@code String}, {@code byte[]}), a
 * {@link dev.daprspring.core.pubsub.CloudEvent CloudEvent&lt;T&gt;}, a Spring
 * {@link org.springframework.messaging.Message Message&lt;T&gt;} with the CloudEvent
 * attributes as headers (see {@link dev.daprspring.messaging.handler.DaprHeaders}), and
 * {@link org.springframework.messaging.handler.annotation.Header @Header} parameters.
 * <p>
 * Outcome: returning normally acknowledges the event; returning a
 * {@link dev.daprspring.messaging.delivery.TopicEventStatus} gives the status explicitly;
 * an exception asks for redelivery, except payload conversion failures and
 * {@link dev.daprspring.messaging.delivery.DropMessageException}, which drop the event (to
 * the dead-letter topic, if one is set).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Topic {

	/** The topic. */
	String name();

	/** The pub/sub component; empty for {@code dapr.pubsub.default-name}. */
	String pubsub() default "";

	/** Where the sidecar sends events this handler drops; empty for none. */
	String deadLetterTopic() default "";

	/**
	 * A CEL expression selecting the events of the topic this handler receives, for example
	 * {@code event.type == "order.placed"}; empty for the topic's default handler.
	 */
	String match() default "";

	/** The order in which match rules of one topic are tried, lowest first; empty for 0. */
	String priority() default "";

	/** Subscription metadata as {@code key=value} entries, for example {@code ttlInSeconds=60}. */
	String[] metadata() default {};

	/** {@code true} to receive the published bytes without a CloudEvent envelope. */
	String rawPayload() default "false";

	/**
	 * {@code true} to receive events in batches: the method then takes a {@code List<T>} or
	 * {@code List<CloudEvent<T>>} and may return per-entry statuses: a
	 * {@code List<TopicEventStatus>} in the order of the list, or a
	 * {@code Map<String, TopicEventStatus>} by CloudEvent id. HTTP app channel only.
	 */
	String bulk() default "false";

	/** The most events in one batch; empty for the sidecar's default (100). */
	String bulkMaxMessages() default "";

	/** How long, in milliseconds, the sidecar waits to fill a batch; empty for its default (1000). */
	String bulkMaxAwaitMs() default "";

	/**
	 * How many events this handler handles at once, at most, for example {@code "4"};
	 * further deliveries wait for a running one to finish. Empty for no limit.
	 */
	String concurrency() default "";

}
