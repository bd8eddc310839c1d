package dev.daprspring.core.pubsub;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A CloudEvents 1.0 event: the envelope Dapr wraps around every published payload, and
 * the form in which a whole event can be published or received. Immutable; the
 * {@code with…} methods return copies.
 *
 * @param id identifies the event; with {@code source} it must be unique per event
 * @param source where the event happened, for example the app id
 * @param type what happened, for example {@code com.example.order.placed}
 * @param specversion the CloudEvents version, {@code 1.0}
 * @param datacontenttype the media type of {@code data}, or {@code null} to derive it
 * from the data when publishing
 * @param subject what the event is about within the source, or {@code null}
 * @param time when it happened, or {@code null}
 * @param data the payload, or {@code null}
 * @param extensions extension attributes such as {@code traceparent}, by name
 * @param <T> the type of the payload
 */
public record CloudEvent<T>(String id, String source, String type, String specversion,
		@Nullable String datacontenttype, @Nullable String subject, @Nullable OffsetDateTime time, @Nullable T data,
		Map<String, Object> extensions) {

	/** The CloudEvents version this project writes. */
	public static final String SPEC_VERSION = "1.0";

	/** The media type of a whole event written as JSON. */
	public static final String CONTENT_TYPE = "application/cloudevents+json";

	// Names the envelope uses for its own attributes; an extension must not shadow them.
	private static final Set<String> ATTRIBUTES = Set.of("id", "source", "type", "specversion", "datacontenttype",
			"subject", "time", "data", "data_base64");

	public CloudEvent {
		Assert.hasText(id, "CloudEvent id must not be empty, for example a UUID");
		Assert.hasText(source, "CloudEvent source must not be empty, for example the app id");
		Assert.hasText(type, "CloudEvent type must not be empty, for example com.example.order.placed");
		Assert.hasText(specversion, "CloudEvent specversion must not be empty, for example " + SPEC_VERSION);
		for (String name : extensions.keySet()) {
			Assert.isTrue(!ATTRIBUTES.contains(name), () -> "CloudEvent extension '" + name
					+ "' is an attribute of the event itself; set it through the record's own field, not as an extension");
		}
		extensions = Map.copyOf(extensions);
	}

	/** An event with the given required attributes and payload, CloudEvents 1.0. */
	public static <T> CloudEvent<T> of(String id, String source, String type, @Nullable T data) {
		return new CloudEvent<>(id, source, type, SPEC_VERSION, null, null, null, data, Map.of());
	}

	/** Returns a copy with the media type of the data. */
	public CloudEvent<T> withDataContentType(@Nullable String datacontenttype) {
		return new CloudEvent<>(this.id, this.source, this.type, this.specversion, datacontenttype, this.subject,
				this.time, this.data, this.extensions);
	}

	/** Returns a copy with a subject. */
	public CloudEvent<T> withSubject(@Nullable String subject) {
		return new CloudEvent<>(this.id, this.source, this.type, this.specversion, this.datacontenttype, subject,
				this.time, this.data, this.extensions);
	}

	/** Returns a copy with the time the event happened. */
	public CloudEvent<T> withTime(@Nullable OffsetDateTime time) {
		return new CloudEvent<>(this.id, this.source, this.type, this.specversion, this.datacontenttype,
				this.subject, time, this.data, this.extensions);
	}

	/** Returns a copy with another payload, for example after converting it. */
	public <U> CloudEvent<U> withData(@Nullable U data) {
		return new CloudEvent<>(this.id, this.source, this.type, this.specversion, this.datacontenttype,
				this.subject, this.time, data, this.extensions);
	}

	/** Returns a copy with one more extension attribute, for example {@code traceparent}. */
	public CloudEvent<T> withExtension(String name, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(this.extensions);
		copy.put(name, value);
		return new CloudEvent<>(this.id, this.source, this.type, this.specversion, this.datacontenttype,
				this.subject, this.time, this.data, copy);
	}

}
