package dev.daprspring.messaging.handler;

/**
 * Names of the message headers that carry an event's CloudEvent attributes to
 * {@code Message<T>} and {@code @Header} parameters: {@code ce_} and the attribute's
 * name, extensions included (for example {@code ce_traceparent}).
 */
public final class DaprHeaders {

	/** The prefix of every CloudEvent attribute header. */
	public static final String PREFIX = "ce_";

	/** The CloudEvent id. */
	public static final String ID = PREFIX + "id";

	/** The CloudEvent source. */
	public static final String SOURCE = PREFIX + "source";

	/** The CloudEvent type. */
	public static final String TYPE = PREFIX + "type";

	/** The CloudEvents version. */
	public static final String SPECVERSION = PREFIX + "specversion";

	/** The media type of the data. */
	public static final String DATACONTENTTYPE = PREFIX + "datacontenttype";

	/** The CloudEvent subject. */
	public static final String SUBJECT = PREFIX + "subject";

	/** When the event happened. */
	public static final String TIME = PREFIX + "time";

	/** The topic the event was published to. */
	public static final String TOPIC = PREFIX + "topic";

	/** The pub/sub component the event came from. */
	public static final String PUBSUB = PREFIX + "pubsubname";

	/** The W3C trace context of the publisher. */
	public static final String TRACEPARENT = PREFIX + "traceparent";

	private DaprHeaders() {
	}

}
