package dev.daprspring.data.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The repository writes of one transaction, held until it commits: the entities to upsert or
 * delete in one state store, and the ETag each entity had when the transaction first read it.
 * Bound to the thread by {@link dev.daprspring.data.transaction.DaprTransactionManager}.
 */
public final class StateTransactionBuffer {

	/** The key the buffer of the current transaction is bound under. */
	public static final Object RESOURCE_KEY = StateTransactionBuffer.class;

	private final boolean readOnly;

	// Writes the buffer to the store its first write picked.
	private @Nullable Committer committer;

	private @Nullable String firstWriter;

	// By entity key, in the order first written; a later write to a key replaces the earlier one.
	private final Map<String, Write> writes = new LinkedHashMap<>();

	// By store, then key: what the transaction saw when it first read the key.
	private final Map<String, Map<String, Seen>> seen = new LinkedHashMap<>();

	private boolean rollbackOnly;

	public StateTransactionBuffer(boolean readOnly) {
		this.readOnly = readOnly;
	}

	/** The buffer of the transaction running on this thread, if any. */
	public static @Nullable StateTransactionBuffer current() {
		return (StateTransactionBuffer) TransactionSynchronizationManager.getResource(RESOURCE_KEY);
	}

	/** Marks the transaction so that it can only roll back. */
	public void setRollbackOnly() {
		this.rollbackOnly = true;
	}

	/** Whether the transaction can only roll back. */
	public boolean isRollbackOnly() {
		return this.rollbackOnly;
	}

	/** Writes the buffered changes to their state store, or does nothing when there are none. */
	public void commit() {
		if (this.committer != null && !this.writes.isEmpty()) {
			this.committer.commit(this);
		}
	}

	/** Drops the buffered changes. */
	public void clear() {
		this.writes.clear();
		this.seen.clear();
		this.committer = null;
	}

	/**
	 * Enlists a store's committer for a write: the first write picks the store, and every later
	 * write must go to the same one.
	 */
	void join(Committer committer, String what) {
		if (this.readOnly) {
			throw new InvalidDataAccessApiUsageException(what + " in state store '" + committer.storeName()
					+ "' inside a read-only transaction; remove readOnly = true from @Transactional to write");
		}
		if (this.committer == null) {
			this.committer = committer;
			this.firstWriter = what;
		}
		else if (this.committer != committer) {
			throw new InvalidDataAccessApiUsageException(what + " in state store '" + committer.storeName()
					+ "', but this transaction already writes to state store '" + this.committer.storeName() + "' ("
					+ this.firstWriter + "). A Dapr state transaction covers one store: write to the other store "
					+ "in a transaction of its own (for example @Transactional(propagation = REQUIRES_NEW)).");
		}
	}

	/** Whether the transaction writes through this committer (to its store). */
	boolean owns(Committer committer) {
		return this.committer == committer;
	}

	/** What the transaction last wrote at the key, or {@code null} when it did not write it. */
	@Nullable Write write(String key) {
		return this.writes.get(key);
	}

	void put(String key, Write write) {
		this.writes.remove(key);
		this.writes.put(key, write);
	}

	List<Write> writes() {
		return new ArrayList<>(this.writes.values());
	}

	/** What the transaction saw of the key when it first read it, or {@code null} if it did not. */
	@Nullable Seen seen(String store, String key) {
		Map<String, Seen> byKey = this.seen.get(store);
		return (byKey != null) ? byKey.get(key) : null;
	}

	/** Remembers the key's ETag unless the transaction read the key before. */
	void saw(String store, String key, @Nullable String etag, boolean exists) {
		this.seen.computeIfAbsent(store, (s) -> new LinkedHashMap<>()).putIfAbsent(key, new Seen(exists, etag));
	}

	/** Writes the buffered changes of a transaction to one state store. */
	interface Committer {

		String storeName();

		void commit(StateTransactionBuffer buffer);

	}

	/**
	 * An entity written in the transaction.
	 *
	 * @param keyspace its keyspace
	 * @param id its id
	 * @param key its state key
	 * @param value its JSON, {@code null} for a delete
	 * @param ttl how long it lives, {@code null} for ever
	 * @param type its type
	 * @param values its indexed values (none for a delete)
	 */
	record Write(String keyspace, String id, String key, @Nullable JsonNode value, @Nullable Duration ttl,
			Class<?> type, Map<String, String> values) {

		boolean isDelete() {
			return this.value == null;
		}

	}

	/**
	 * A key as the transaction first read it.
	 *
	 * @param exists whether it held a value
	 * @param etag its ETag then
	 */
	record Seen(boolean exists, @Nullable String etag) {

	}

}
