package dev.daprspring.data.core;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How the adapter reads and writes single entities: straight to the store
 * ({@link DirectAccess}), or into the buffer of the transaction running on the thread
 * ({@link TransactionalWrites}). The adapter picks one per operation, in one place.
 */
interface EntityAccess {

	boolean contains(String keyspace, String id);

	<T> @Nullable T get(String keyspace, String id, Class<T> type);

	/** Saves the entity; returns it as written, with its new version. */
	Object put(String keyspace, String id, Object item);

	/** Saves an entity under an id just generated at random, which nothing can hold yet. */
	default Object putNew(String keyspace, String id, Object item) {
		return put(keyspace, id, item);
	}

	<T> @Nullable T delete(String keyspace, String id, Class<T> type);

	/** Deletes the entity if the store still holds the version it carries. */
	<T> T deleteVersioned(String keyspace, String id, Class<T> type, T entity);

	void deleteAll(String keyspace, Class<?> type);

	/** Applies what these writes hold back to entities read from the store, by id. */
	<T> void overlay(String keyspace, Map<String, T> entities, Class<T> type);

	/** Whether the store itself sees these writes (a query sent to it then finds them). */
	boolean writesThrough();

}
