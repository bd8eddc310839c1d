package dev.daprspring.core.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How to publish one payload: content type, component metadata, time to live, raw
 * delivery, and the CloudEvent attributes the sidecar should use instead of its own.
 * Immutable; start from {@link #none()}.
 *
 * @param contentType the payload's media type, or {@code null} to derive it from the
 * payload ({@code application/json}, {@code text/plain} for a String,
 * {@code application/octet-stream} for a byte array)
 * @param metadata component metadata sent with the request
 * @param ttl how long the message may wait for a subscriber (whole seconds), or
 * {@code null} for the component's default
 * @param rawPayload send the payload as it is, without a CloudEvent envelope
 * @param id the CloudEvent id to use, or {@code null} for a generated one
 * @param source the CloudEvent source to use, or {@code null} for the app id
 * @param type the CloudEvent type to use, or {@code null} for {@code com.dapr.event.sent}
 * @param subject the CloudEvent subject, or {@code null} for none
 */
public record PublishOptions(@Nullable String contentType, Map<String, String> metadata, @Nullable Duration ttl,
		boolean rawPayload, @Nullable String id, @Nullable String source, @Nullable String type,
		@Nullable String subject) {

	private static final PublishOptions NONE = new PublishOptions(null, Map.of(), null, false, null, null, null,
			null);

	public PublishOptions {
		Assert.isTrue(ttl == null || ttl.getSeconds() > 0,
				() -> "TTL must be at least one second, for example Duration.ofMinutes(5); got " + ttl);
		metadata = Map.copyOf(metadata);
	}

	/** The sidecar's defaults. */
	public static PublishOptions none() {
		return NONE;
	}

	/** Returns a copy with the payload's media type, for example {@code application/xml}. */
	public PublishOptions withContentType(@Nullable String contentType) {
		return new PublishOptions(contentType, this.metadata, this.ttl, this.rawPayload, this.id, this.source,
				this.type, this.subject);
	}

	/** Returns a copy with one more metadata item, passed to the pub/sub component. */
	public PublishOptions withMetadata(String key, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.metadata);
		copy.put(key, value);
		return new PublishOptions(this.contentType, copy, this.ttl, this.rawPayload, this.id, this.source, this.type,
				this.subject);
	}

	/** Returns a copy with a time to live, sent as {@code ttlInSeconds}. */
	public PublishOptions withTtl(@Nullable Duration ttl) {
		return new PublishOptions(this.contentType, this.metadata, ttl, this.rawPayload, this.id, this.source,
				this.type, this.subject);
	}

	/** Whether to publish the payload without a CloudEvent envelope. */
	public PublishOptions withRawPayload(boolean rawPayload) {
		return new PublishOptions(this.contentType, this.metadata, this.ttl, rawPayload, this.id, this.source,
				this.type, this.subject);
	}

	/** Returns a copy that makes the sidecar use this CloudEvent id. */
	public PublishOptions withId(@Nullable String id) {
		return new PublishOptions(this.contentType, this.metadata, this.ttl, this.rawPayload, id, this.source,
				this.type, this.subject);
	}

	/** Returns a copy that makes the sidecar use this CloudEvent source. */
	public PublishOptions withSource(@Nullable String source) {
		return new PublishOptions(this.contentType, this.metadata, this.ttl, this.rawPayload, this.id, source,
				this.type, this.subject);
	}

	/** Returns a copy that makes the sidecar use this CloudEvent type. */
	public PublishOptions withType(@Nullable String type) {
		return new PublishOptions(this.contentType, this.metadata, this.ttl, this.rawPayload, this.id, this.source,
				type, this.subject);
	}

	/** Returns a copy that makes the sidecar set this CloudEvent subject. */
	public PublishOptions withSubject(@Nullable String subject) {
		return new PublishOptions(this.contentType, this.metadata, this.ttl, this.rawPayload, this.id, this.source,
				this.type, subject);
	}

	/**
	 * The metadata sent to the sidecar: the given items plus {@code ttlInSeconds},
	 * {@code rawPayload} and the {@code cloudevent.*} overrides.
	 */
	Map<String, String> requestMetadata() {
		List<String> overridden = cloudEventAttributes();
		Assert.isTrue(!this.rawPayload || overridden.isEmpty(), () -> "PublishOptions set rawPayload and the "
				+ "CloudEvent attributes " + overridden + ", but a raw payload has no CloudEvent envelope; "
				+ "drop one of them");
		Map<String, String> all = new LinkedHashMap<>(this.metadata);
		if (this.ttl != null) {
			all.put("ttlInSeconds", Long.toString(this.ttl.getSeconds()));
		}
		if (this.rawPayload) {
			all.put("rawPayload", "true");
		}
		putIfSet(all, "cloudevent.id", this.id);
		putIfSet(all, "cloudevent.source", this.source);
		putIfSet(all, "cloudevent.type", this.type);
		putIfSet(all, "cloudevent.subject", this.subject);
		return all;
	}

	/** The names of the CloudEvent attributes these options set. */
	List<String> cloudEventAttributes() {
		List<String> names = new ArrayList<>();
		if (this.id != null) {
			names.add("id");
		}
		if (this.source != null) {
			names.add("source");
		}
		if (this.type != null) {
			names.add("type");
		}
		if (this.subject != null) {
			names.add("subject");
		}
		return names;
	}

	private static void putIfSet(Map<String, String> metadata, String key, @Nullable String value) {
		if (value != null) {
			metadata.put(key, value);
		}
	}

}
