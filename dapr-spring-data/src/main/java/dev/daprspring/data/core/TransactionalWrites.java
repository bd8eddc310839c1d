package dev.daprspring.data.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.daprspring.core.state.StateEntry;
import dev.daprspring.data.core.StateTransactionBuffer.Write;
import dev.daprspring.data.index.KeyspaceIndex;
import dev.daprspring.data.mapping.DaprEntityMetadata;
import org.springframework.util.ClassUtils;

/**
 * The adapter's reads and writes inside a transaction: writes go to the transaction's buffer,
 * reads see them, and the buffer's {@link TransactionCommitter} writes them when the
 * transaction commits. Made for one operation, on the buffer of the transaction running then.
 */
final class TransactionalWrites implements EntityAccess {

	private final StoreContext store;

	private final TransactionCommitter committer;

	private final StateTransactionBuffer tx;

	TransactionalWrites(StoreContext store, TransactionCommitter committer, StateTransactionBuffer tx) {
		this.store = store;
		this.committer = committer;
		this.tx = tx;
	}

	@Override
	public boolean contains(String keyspace, String id) {
		return view(key(keyspace, id), JsonNode.class) != null;
	}

	@Override
	public <T> @Nullable T get(String keyspace, String id, Class<T> type) {
		return view(key(keyspace, id), type);
	}

	@Override
	public Object put(String keyspace, String id, Object item) {
		Class<?> type = ClassUtils.getUserClass(item);
		DaprEntityMetadata entity = this.store.metadata(type);
		String key = key(keyspace, id);
		this.tx.join(this.committer, "Saving '" + key + "'");
		Object toWrite = item;
		if (entity.isVersioned()) {
			Long expected = entity.version(item);
			Object current = view(key, type);
			Long stored = (current != null) ? entity.version(current) : null;
			EntityWriter.checkVersion(this.store.storeName(), key, expected, stored);
			toWrite = entity.withVersion(item, (expected != null) ? expected + 1 : 1);
		}
		this.tx.put(key, new Write(keyspace, id, key, this.store.json().valueToTree(toWrite),
				entity.timeToLive(toWrite), type, entity.indexedValues(toWrite)));
		return toWrite;
	}

	@Override
	public <T> @Nullable T delete(String keyspace, String id, Class<T> type) {
		String key = key(keyspace, id);
		this.tx.join(this.committer, "Deleting '" + key + "'");
		T current = view(key, type);
		this.tx.put(key, deletion(keyspace, id, key, type));
		return current;
	}

	@Override
	public <T> T deleteVersioned(String keyspace, String id, Class<T> type, T versioned) {
		String key = key(keyspace, id);
		this.tx.join(this.committer, "Deleting '" + key + "'");
		T current = view(key, type);
		DaprEntityMetadata entity = this.store.metadata(type);
		Long expected = entity.version(versioned);
		if (current == null) {
			throw EntityWriter.staleVersion(this.store.storeName(), key, expected, null);
		}
		EntityWriter.checkVersion(this.store.storeName(), key, expected, entity.version(current));
		this.tx.put(key, deletion(keyspace, id, key, type));
		return versioned;
	}

	@Override
	public void deleteAll(String keyspace, Class<?> type) {
		KeyspaceIndex index = this.store.index(keyspace);
		Set<String> indexed = this.store.allIds(keyspace, type);
		this.tx.join(this.committer, "Deleting all of keyspace '" + keyspace + "'");
		Map<String, String> ids = new LinkedHashMap<>();
		indexed.forEach((id) -> ids.put(id, index.entityKey(id)));
		for (Write write : this.tx.writes()) {
			if (write.keyspace().equals(keyspace)) {
				ids.put(write.id(), write.key());
			}
		}
		ids.forEach((id, key) -> this.tx.put(key, deletion(keyspace, id, key, type)));
	}

	@Override
	public <T> void overlay(String keyspace, Map<String, T> entities, Class<T> type) {
		if (!ownsBuffer()) {
			// The buffered writes belong to another store.
			return;
		}
		for (Write write : this.tx.writes()) {
			if (!write.keyspace().equals(keyspace)) {
				continue;
			}
			if (write.isDelete()) {
				entities.remove(write.id());
			}
			else {
				entities.put(write.id(), this.store.json().treeToValue(write.value(), type));
			}
		}
	}

	@Override
	public boolean writesThrough() {
		// Nothing reaches the store before the commit.
		return false;
	}

	/** The entity as the transaction sees it: its own write, else the store's (remembering the ETag). */
	private <T> @Nullable T view(String key, Class<T> type) {
		Write write = ownsBuffer() ? this.tx.write(key) : null;
		if (write != null) {
			return (write.value() != null) ? this.store.json().treeToValue(write.value(), type) : null;
		}
		StateEntry<T> entry = this.store.state().getEntry(key, type);
		this.tx.saw(this.store.storeName(), key, entry.etag(), entry.exists());
		return entry.value();
	}

	private String key(String keyspace, String id) {
		return this.store.index(keyspace).entityKey(id);
	}

	// Whether the buffer's writes go to this store (a transaction may have read another).
	private boolean ownsBuffer() {
		return this.tx.owns(this.committer);
	}

	private static Write deletion(String keyspace, String id, String key, Class<?> type) {
		return new Write(keyspace, id, key, null, null, type, Map.of());
	}

}
