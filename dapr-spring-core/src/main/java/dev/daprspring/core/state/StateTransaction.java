package dev.daprspring.core.state;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Upserts and deletes committed together: all of them or none.
 */
public final class StateTransaction {

	private final List<Operation> operations = new ArrayList<>();

	/** Saves a value. */
	public StateTransaction upsert(String key, @Nullable Object value) {
		return upsert(key, value, SaveOptions.none());
	}

	/** Saves a value with an ETag condition or TTL; a stale ETag fails the whole transaction. */
	public StateTransaction upsert(String key, @Nullable Object value, SaveOptions options) {
		this.operations.add(new Operation(Operation.Type.UPSERT, key, value, options));
		return this;
	}

	/** Deletes a key. */
	public StateTransaction delete(String key) {
		return delete(key, null);
	}

	/** Deletes a key if it still has the ETag; a stale ETag fails the whole transaction. */
	public StateTransaction delete(String key, @Nullable String etag) {
		this.operations.add(new Operation(Operation.Type.DELETE, key, null, SaveOptions.ifMatch(etag)));
		return this;
	}

	public List<Operation> operations() {
		return List.copyOf(this.operations);
	}

	public boolean isEmpty() {
		return this.operations.isEmpty();
	}

	/**
	 * One operation of a transaction.
	 *
	 * @param type upsert or delete
	 * @param key the key
	 * @param value the value to save, {@code null} for deletes
	 * @param options ETag, TTL and metadata
	 */
	public record Operation(Type type, String key, @Nullable Object value, SaveOptions options) {

		/** The kind of operation. */
		public enum Type {

			UPSERT, DELETE

		}

	}

}
