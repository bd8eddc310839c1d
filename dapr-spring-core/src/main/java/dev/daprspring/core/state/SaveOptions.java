package dev.daprspring.core.state;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How to save (or delete) one key: ETag condition, concurrency, consistency, time to
 * live and component metadata. Immutable; start from {@link #none()} or a factory.
 *
 * @param etag only write if the stored value still has this ETag, or {@code null}
 * @param concurrency first-write (ETag required to win) or last-write, or {@code null}
 * for the store's default
 * @param consistency eventual or strong, or {@code null} for the store's default
 * @param ttl how long the value lives, or {@code null} for ever
 * @param metadata component metadata sent with the request
 */
public record SaveOptions(@Nullable String etag, @Nullable Concurrency concurrency, @Nullable Consistency consistency,
		@Nullable Duration ttl, Map<String, String> metadata) {

	private static final SaveOptions NONE = new SaveOptions(null, null, null, null, Map.of());

	public SaveOptions {
		Assert.isTrue(ttl == null || ttl.getSeconds() > 0,
				() -> "TTL must be at least one second, for example Duration.ofMinutes(5); got " + ttl);
		metadata = Map.copyOf(metadata);
	}

	/** No condition, store defaults. */
	public static SaveOptions none() {
		return NONE;
	}

	/** Write only if the stored value still has this ETag. */
	public static SaveOptions ifMatch(@Nullable String etag) {
		return NONE.withEtag(etag);
	}

	/** Expire the value after the given time. */
	public static SaveOptions ttl(Duration ttl) {
		return NONE.withTtl(ttl);
	}

	public SaveOptions withEtag(@Nullable String etag) {
		return new SaveOptions(etag, this.concurrency, this.consistency, this.ttl, this.metadata);
	}

	public SaveOptions withConcurrency(@Nullable Concurrency concurrency) {
		return new SaveOptions(this.etag, concurrency, this.consistency, this.ttl, this.metadata);
	}

	public SaveOptions withConsistency(@Nullable Consistency consistency) {
		return new SaveOptions(this.etag, this.concurrency, consistency, this.ttl, this.metadata);
	}

	public SaveOptions withTtl(@Nullable Duration ttl) {
		return new SaveOptions(this.etag, this.concurrency, this.consistency, ttl, this.metadata);
	}

	public SaveOptions withMetadata(String key, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.metadata);
		copy.put(key, value);
		return new SaveOptions(this.etag, this.concurrency, this.consistency, this.ttl, copy);
	}

	/** The metadata sent to the sidecar, with {@code ttlInSeconds} when a TTL is set. */
	Map<String, String> requestMetadata() {
		if (this.ttl == null) {
			return this.metadata;
		}
		Map<String, String> all = new LinkedHashMap<>(this.metadata);
		all.put("ttlInSeconds", Long.toString(this.ttl.getSeconds()));
		return all;
	}

	/** Who wins when two writers race. */
	public enum Concurrency {

		/** The first write wins; later ones need the current ETag. */
		FIRST_WRITE,

		/** The last write wins. */
		LAST_WRITE

	}

	/** How consistent a write or read must be. */
	public enum Consistency {

		EVENTUAL, STRONG

	}

}
