package dev.daprspring.core.state;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A stored value with its ETag and metadata.
 *
 * @param key the key, as the application named it
 * @param value the value, or {@code null} when the key holds nothing
 * @param etag the ETag to send with a conditional save or delete, or {@code null}
 * @param metadata the store's metadata for the value, for example {@code ttlExpireTime}
 */
public record StateEntry<T>(String key, @Nullable T value, @Nullable String etag, Map<String, String> metadata) {

	/** Whether the key holds a value. */
	public boolean exists() {
		return this.value != null;
	}

}
