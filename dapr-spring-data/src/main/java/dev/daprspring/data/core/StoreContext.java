package dev.daprspring.data.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.state.StateEntry;
import dev.daprspring.core.state.StateOperations;
import dev.daprspring.data.index.IndexWriter;
import dev.daprspring.data.index.KeyspaceIndex;
import dev.daprspring.data.mapping.DaprEntityMetadata;
import dev.daprspring.data.mapping.DaprMappingContext;
import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentEntity;

/**
 * What the adapter and its helpers share of one state store: its operations, the JSON mapper
 * and the mapping; per keyspace its index and entity type; and the bulk read of the entities
 * an index names (as stored, without a transaction's own writes).
 */
final class StoreContext {

	private final StateOperations state;

	private final JsonMapper jsonMapper;

	private final DaprMappingContext mappingContext;

	private final Map<String, KeyspaceIndex> indexes = new ConcurrentHashMap<>();

	private volatile boolean queryApi;

	private volatile boolean etagsGuardDeletes;

	StoreContext(StateOperations state, JsonMapper jsonMapper, DaprMappingContext mappingContext) {
		this.state = state;
		this.jsonMapper = jsonMapper;
		this.mappingContext = mappingContext;
	}

	StateOperations state() {
		return this.state;
	}

	String storeName() {
		return this.state.storeName();
	}

	JsonMapper json() {
		return this.jsonMapper;
	}

	DaprMappingContext mappingContext() {
		return this.mappingContext;
	}

	DaprEntityMetadata metadata(Class<?> type) {
		return this.mappingContext.metadata(type);
	}

	/** Whether the store has the state query API and derived queries use it. */
	boolean usesQueryApi() {
		return this.queryApi;
	}

	void setQueryApi(boolean queryApi) {
		this.queryApi = queryApi;
	}

	/** Whether the store rejects a write whose ETag names a key deleted since. */
	boolean etagsGuardDeletes() {
		return this.etagsGuardDeletes;
	}

	void setEtagsGuardDeletes(boolean etagsGuardDeletes) {
		this.etagsGuardDeletes = etagsGuardDeletes;
	}

	KeyspaceIndex index(String keyspace) {
		return this.indexes.computeIfAbsent(keyspace, (name) -> new KeyspaceIndex(this.state, name));
	}

	Class<?> typeOf(String keyspace) {
		for (KeyValuePersistentEntity<?, ?> entity : this.mappingContext.entities()) {
			if (entity.getIdProperty() != null && keyspace.equals(entity.getKeySpace())) {
				return entity.getType();
			}
		}
		throw new IllegalStateException("No entity type is mapped to keyspace '" + keyspace + "' in state store '"
				+ this.state.storeName() + "'");
	}

	/**
	 * Whether the store keeps index documents: on a store with the state query API a keyspace
	 * is enumerated, and queried, through that API instead, so a save writes the entity alone.
	 */
	boolean keepsIndex() {
		return !this.queryApi;
	}

	/** Every entity of the keyspace, by id: those the query API finds, or else those the index names. */
	<T> Map<String, T> readAll(String keyspace, Class<T> type) {
		if (!keepsIndex()) {
			Map<String, T> all = new LinkedHashMap<>();
			stateQuery(keyspace).all().forEach((id, entity) -> all.put(id, type.cast(entity)));
			return all;
		}
		return read(keyspace, new ArrayList<>(index(keyspace).allIds()), type);
	}

	/**
	 * The ids of the keyspace's entities: those the query API finds, or else those the index
	 * holds (which may include ids whose entity is gone).
	 */
	Set<String> allIds(String keyspace, Class<?> type) {
		return keepsIndex() ? index(keyspace).allIds() : new LinkedHashSet<>(readAll(keyspace, type).keySet());
	}

	/** A query of the keyspace through the state query API. */
	StateQuery stateQuery(String keyspace) {
		return new StateQuery(this.state, this.jsonMapper, this.mappingContext.entity(typeOf(keyspace)), keyspace);
	}

	/** The entities with these ids that exist, by id, in the order of the ids. */
	<T> Map<String, T> read(String keyspace, List<String> ids, Class<T> type) {
		KeyspaceIndex index = index(keyspace);
		Map<String, T> entities = new LinkedHashMap<>();
		for (int from = 0; from < ids.size(); from += IndexWriter.BULK_CHUNK) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IndexWriter.BULK_CHUNK));
			List<StateEntry<T>> read = this.state.getAll(chunk.stream().map(index::entityKey).toList(), type);
			for (int i = 0; i < chunk.size(); i++) {
				T value = read.get(i).value();
				if (value != null) {
					entities.put(chunk.get(i), value);
				}
			}
		}
		return entities;
	}

}
