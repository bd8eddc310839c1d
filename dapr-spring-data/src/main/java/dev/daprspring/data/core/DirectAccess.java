package dev.daprspring.data.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.daprspring.core.error.DaprEtagMismatchException;
import dev.daprspring.core.state.StateEntry;
import dev.daprspring.data.core.RecentEntities.AsRead;
import dev.daprspring.data.index.IndexWriter;
import dev.daprspring.data.index.KeyspaceIndex;
import dev.daprspring.data.mapping.DaprEntityMetadata;

/**
 * Reads and writes entities straight to the store, outside transactions: saves through the
 * {@link EntityWriter}; deletes remove the entity, then its index entries through the
 * {@link IndexWriter}.
 */
final class DirectAccess implements EntityAccess {

	private final StoreContext store;

	private final IndexWriter indexWriter;

	// Shared with the writer: what reads and saves saw, for the next save.
	private final RecentEntities recent = new RecentEntities();

	private final EntityWriter writer;

	DirectAccess(StoreContext store, IndexWriter indexWriter) {
		this.store = store;
		this.indexWriter = indexWriter;
		this.writer = new EntityWriter(store, indexWriter, this.recent);
	}

	@Override
	public boolean contains(String keyspace, String id) {
		return this.store.state().getEntry(this.store.index(keyspace).entityKey(id), JsonNode.class).exists();
	}

	@Override
	public <T> @Nullable T get(String keyspace, String id, Class<T> type) {
		String key = this.store.index(keyspace).entityKey(id);
		StateEntry<T> entry = this.store.state().getEntry(key, type);
		rememberRead(key, entry);
		return entry.value();
	}

	@Override
	public Object put(String keyspace, String id, Object item) {
		return this.writer.save(keyspace, id, item);
	}

	@Override
	public Object putNew(String keyspace, String id, Object item) {
		return this.writer.saveNew(keyspace, id, item);
	}

	@Override
	public <T> @Nullable T delete(String keyspace, String id, Class<T> type) {
		KeyspaceIndex index = this.store.index(keyspace);
		String key = index.entityKey(id);
		T existing = this.store.state().getEntry(key, type).value();
		this.recent.forget(key);
		if (existing != null) {
			this.store.state().delete(key);
		}
		if (this.store.keepsIndex()) {
			this.indexWriter.remove(index, type, index.entries(id, indexedValues(existing)));
		}
		return existing;
	}

	@Override
	public <T> T deleteVersioned(String keyspace, String id, Class<T> type, T entity) {
		KeyspaceIndex index = this.store.index(keyspace);
		String key = index.entityKey(id);
		Long expected = this.store.metadata(type).version(entity);
		StateEntry<T> stored = this.store.state().getEntry(key, type);
		T current = stored.value();
		if (current == null) {
			throw EntityWriter.staleVersion(this.store.storeName(), key, expected, null);
		}
		EntityWriter.checkVersion(this.store.storeName(), key, expected, this.store.metadata(type).version(current));
		this.recent.forget(key);
		try {
			this.store.state().delete(key, stored.etag());
		}
		catch (DaprEtagMismatchException ex) {
			throw EntityWriter.staleVersion(this.store.storeName(), key, expected, null);
		}
		if (this.store.keepsIndex()) {
			this.indexWriter.remove(index, type, index.entries(id, indexedValues(current)));
		}
		return entity;
	}

	@Override
	public void deleteAll(String keyspace, Class<?> type) {
		KeyspaceIndex index = this.store.index(keyspace);
		DaprEntityMetadata entity = this.store.metadata(type);
		Set<String> indexed = this.store.allIds(keyspace, type);
		Map<String, Set<String>> entries = new LinkedHashMap<>();
		if (this.store.keepsIndex()) {
			indexed.forEach((id) -> KeyspaceIndex.merge(entries, index.entries(id, Map.of())));
		}
		if (this.store.keepsIndex() && entity.hasIndexes()) {
			// The values of the entities name their value-index entries.
			this.store.readAll(keyspace, type).forEach((id, stored) -> KeyspaceIndex.merge(entries,
					index.entries(id, entity.indexedValues(stored))));
		}
		List<String> ids = new ArrayList<>(indexed);
		ids.forEach((id) -> this.recent.forget(index.entityKey(id)));
		// Entities first, then their ids: the index may briefly hold ids of deleted entities,
		// never the reverse.
		for (int from = 0; from < ids.size(); from += 100) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
			this.store.state().transaction((tx) -> chunk.forEach((id) -> tx.delete(index.entityKey(id))));
		}
		if (!entries.isEmpty()) {
			this.indexWriter.remove(index, type, entries);
		}
	}

	@Override
	public <T> void overlay(String keyspace, Map<String, T> entities, Class<T> type) {
		// Nothing held back.
	}

	@Override
	public boolean writesThrough() {
		return true;
	}

	private Map<String, String> indexedValues(@Nullable Object entity) {
		return (entity != null) ? this.store.metadata(entity.getClass()).indexedValues(entity) : Map.of();
	}

	/** Remembers the ETag an entity was read with, for a save of it right after. */
	private void rememberRead(String key, StateEntry<?> entry) {
		Object value = entry.value();
		if (this.store.etagsGuardDeletes() && value != null && entry.etag() != null) {
			DaprEntityMetadata entity = this.store.metadata(value.getClass());
			this.recent.read(key, new AsRead(entry.etag(), entity.version(value), entity.indexedValues(value)));
		}
	}

}
