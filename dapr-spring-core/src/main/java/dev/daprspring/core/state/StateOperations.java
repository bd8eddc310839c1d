package dev.daprspring.core.state;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The state API of one state store. Values are stored as plain JSON (strings and byte
 * arrays as they are); reads convert back with the application's JSON mapper.
 */
public interface StateOperations {

	/** The state store these operations use. */
	String storeName();

	/** The value of a key, or empty when there is none. */
	<T> Optional<T> get(String key, Class<T> type);

	/** The value of a key with its ETag and metadata; its value is {@code null} when the key holds nothing. */
	<T> StateEntry<T> getEntry(String key, Class<T> type);

	/** Like {@link #getEntry(String, Class)} for a generic type such as {@code List<Order>}. */
	<T> StateEntry<T> getEntry(String key, ParameterizedTypeReference<T> type);

	/** The values of several keys in one call, in the order asked; missing keys have a {@code null} value. */
	<T> List<StateEntry<T>> getAll(Collection<String> keys, Class<T> type);

	/**
	 * Like {@link #getAll(Collection, Class)}, reading with the given parallelism in the sidecar.
	 * @param parallelism how many keys the sidecar reads at once; 0 for its default
	 */
	<T> List<StateEntry<T>> getAll(Collection<String> keys, Class<T> type, int parallelism);

	/** Saves a value, last write wins. */
	void save(String key, @Nullable Object value);

	/**
	 * Saves a value with an ETag condition, concurrency, consistency, TTL or metadata.
	 * @throws dev.daprspring.core.error.DaprEtagMismatchException if the ETag is stale
	 */
	void save(String key, @Nullable Object value, SaveOptions options);

	/** Saves several values in one call (not atomically: use {@link #transaction}). */
	void saveAll(Map<String, ?> values);

	/**
	 * Deletes a key; deleting a missing key is not an error.
	 */
	void delete(String key);

	/**
	 * Deletes a key if it still has the ETag.
	 * @throws dev.daprspring.core.error.DaprEtagMismatchException if the ETag is stale
	 */
	void delete(String key, @Nullable String etag);

	/**
	 * Commits upserts and deletes together, all or none.
	 * @throws dev.daprspring.core.error.DaprEtagMismatchException if any ETag is stale
	 */
	void execute(StateTransaction transaction);

	/** Builds and commits a transaction: {@code state.transaction(tx -> tx.upsert(a, x).delete(b))}. */
	default void transaction(Consumer<StateTransaction> operations) {
		StateTransaction transaction = new StateTransaction();
		operations.accept(transaction);
		execute(transaction);
	}

	/**
	 * Runs a query of the state query API on stores that support it (capability
	 * {@code QUERY_API}, for example {@code state.postgresql} v1).
	 * @param query the query document: a JSON string, or an object written as JSON, with
	 * {@code filter}, {@code sort} and {@code page}
	 * @throws dev.daprspring.core.error.DaprUnsupportedOperationException on stores without it
	 */
	<T> QueryResult<T> query(Object query, Class<T> type);

}
