package dev.daprspring.data.core;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.state.StateOperations;
import dev.daprspring.data.index.IndexWriter;
import dev.daprspring.data.mapping.DaprEntityMetadata;
import dev.daprspring.data.mapping.DaprMappingContext;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.keyvalue.core.AbstractKeyValueAdapter;
import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentEntity;
import org.springframework.data.keyvalue.core.query.KeyValueQuery;
import org.springframework.data.util.CloseableIterator;

/**
 * A {@code KeyValueAdapter} over one Dapr state store. Entities are stored as plain JSON at
 * {@code <keyspace>:<id>}; keyspaces are enumerated through their sharded id index, or on a
 * store with the state query API through that API (no index is kept there), and queries the
 * store does not answer are evaluated in memory over the whole keyspace. Single-entity
 * operations go to {@link DirectAccess} outside transactions and to
 * {@link TransactionalWrites} inside them.
 */
public class DaprKeyValueAdapter extends AbstractKeyValueAdapter {

	private final StoreContext store;

	private final DirectAccess direct;

	private final TransactionCommitter committer;

	public DaprKeyValueAdapter(StateOperations state, JsonMapper jsonMapper, DaprMappingContext mappingContext) {
		this(new StoreContext(state, jsonMapper, mappingContext));
	}

	private DaprKeyValueAdapter(StoreContext store) {
		// Derived queries, sorting and paging run in memory, over the entities an index names or
		// else the whole keyspace; each scanning query method logs that once (DaprPartTreeQuery).
		super(new DaprQueryEngine(store));
		this.store = store;
		IndexWriter indexWriter = new IndexWriter(store.state(), store.json(), store.mappingContext());
		this.direct = new DirectAccess(store, indexWriter);
		this.committer = new TransactionCommitter(store, indexWriter);
	}

	/** The state store this adapter writes to. */
	public String storeName() {
		return this.store.storeName();
	}

	// The one place that tells a transaction's writes from direct ones.
	private EntityAccess access() {
		StateTransactionBuffer tx = StateTransactionBuffer.current();
		return (tx != null) ? new TransactionalWrites(this.store, this.committer, tx) : this.direct;
	}

	/**
	 * Saves the entity.
	 * @return the entity as written, with its new version: the same instance for a mutable
	 * entity, a new one for an immutable entity
	 */
	@Override
	public Object put(Object id, Object item, String keyspace) {
		return access().put(keyspace, id.toString(), item);
	}

	/**
	 * Saves an entity under an id the template just generated at random: nothing can be stored
	 * there yet, so the entity is not read first.
	 * @return the entity as written, with its version
	 */
	public Object putNew(Object id, Object item, String keyspace) {
		return access().putNew(keyspace, id.toString(), item);
	}

	@Override
	public boolean contains(Object id, String keyspace) {
		return access().contains(keyspace, id.toString());
	}

	@Override
	public @Nullable Object get(Object id, String keyspace) {
		return get(id, keyspace, typeOf(keyspace));
	}

	@Override
	public <T> @Nullable T get(Object id, String keyspace, Class<T> type) {
		return access().get(keyspace, id.toString(), type);
	}

	@Override
	public @Nullable Object delete(Object id, String keyspace) {
		return delete(id, keyspace, typeOf(keyspace));
	}

	@Override
	public <T> @Nullable T delete(Object id, String keyspace, Class<T> type) {
		return access().delete(keyspace, id.toString(), type);
	}

	/**
	 * Deletes an entity if its stored version is still the one it carries.
	 * @throws OptimisticLockingFailureException if it was changed or deleted since it was read;
	 * nothing is deleted then
	 */
	public <T> T deleteVersioned(Object id, String keyspace, Class<T> type, T entity) {
		return access().deleteVersioned(keyspace, id.toString(), type, entity);
	}

	@Override
	public Iterable<Object> getAllOf(String keyspace) {
		return new ArrayList<Object>(readAll(keyspace, typeOf(keyspace)).values());
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> Iterable<T> getAllOf(String keyspace, Class<T> type) {
		return new ArrayList<T>(readAll(keyspace, type).values());
	}

	@Override
	public CloseableIterator<Map.Entry<Object, Object>> entries(String keyspace) {
		List<Map.Entry<Object, Object>> entries = new ArrayList<>();
		readAll(keyspace, typeOf(keyspace)).forEach((id, value) -> entries.add(new AbstractMap.SimpleImmutableEntry<>(id, value)));
		var iterator = entries.iterator();
		return new CloseableIterator<>() {

			@Override
			public boolean hasNext() {
				return iterator.hasNext();
			}

			@Override
			public Map.Entry<Object, Object> next() {
				return iterator.next();
			}

			@Override
			public void close() {
			}

		};
	}

	@Override
	public void deleteAllOf(String keyspace) {
		access().deleteAll(keyspace, typeOf(keyspace));
	}

	@Override
	public void clear() {
		for (KeyValuePersistentEntity<?, ?> entity : this.store.mappingContext().entities()) {
			if (entity.getIdProperty() != null) {
				deleteAllOf(entity.getKeySpace());
			}
		}
	}

	@Override
	public long count(String keyspace) {
		return readAll(keyspace, typeOf(keyspace)).size();
	}

	@Override
	public void destroy() {
	}

	/** The ids the keyspace's index holds, including ids whose entity no longer exists. */
	public Set<String> indexedIds(String keyspace) {
		return this.store.index(keyspace).allIds();
	}

	/** The ids the index of an {@code @Indexed} property holds for a value, including stale ones. */
	public Set<String> indexedIds(String keyspace, String property, Object value) {
		return this.store.index(keyspace).idsWithValues(Map.of(property, DaprEntityMetadata.indexValue(value)));
	}

	/**
	 * The entities of the keyspace an index names for these equalities, or {@code null} when
	 * none of the properties is {@code @Indexed}. They may not all match: the caller filters.
	 * @param equalities values by property name
	 */
	@Nullable List<Object> findIndexed(String keyspace, Map<String, Object> equalities) {
		if (!this.store.keepsIndex()) {
			// No value index: the caller reads the keyspace through the query API and filters.
			return null;
		}
		Class<?> type = typeOf(keyspace);
		DaprEntityMetadata entity = this.store.metadata(type);
		Map<String, String> values = new LinkedHashMap<>();
		equalities.forEach((property, value) -> {
			if (entity.isIndexed(property)) {
				values.put(property, DaprEntityMetadata.indexValue(value));
			}
		});
		if (values.isEmpty()) {
			return null;
		}
		return new ArrayList<Object>(read(keyspace, new ArrayList<>(this.store.index(keyspace).idsWithValues(values)),
				type).values());
	}

	/** Sends derived queries with a query API filter to the store's state query API (capability {@code QUERY_API}). */
	public void setQueryApi(boolean queryApi) {
		this.store.setQueryApi(queryApi);
	}

	/**
	 * Tells the adapter that the store rejects a write whose ETag names a key deleted since
	 * (state.in-memory and state.postgresql do, state.redis does not). A save of an entity that
	 * exists and whose index entries are all in place then skips checking the index again after
	 * writing: a concurrent delete makes its ETag-guarded write fail instead.
	 */
	public void setEtagsGuardDeletes(boolean etagsGuardDeletes) {
		this.store.setEtagsGuardDeletes(etagsGuardDeletes);
	}

	/** Whether derived queries with a query API filter go to the store's state query API. */
	public boolean usesQueryApi() {
		return this.store.usesQueryApi();
	}

	/**
	 * Whether this query goes to the store's state query API: its criteria have a query API
	 * filter, the store has the API, and no transaction runs (whose writes it would not see).
	 */
	public boolean pushesDown(KeyValueQuery<?> query) {
		return this.store.usesQueryApi() && query.getCriteria() instanceof IndexedPredicate criteria
				&& criteria.filter() != null && access().writesThrough();
	}

	private <T> Map<String, T> readAll(String keyspace, Class<T> type) {
		return overlaid(keyspace, this.store.readAll(keyspace, type), type);
	}

	private <T> Map<String, T> read(String keyspace, List<String> ids, Class<T> type) {
		return overlaid(keyspace, this.store.read(keyspace, ids, type), type);
	}

	private <T> Map<String, T> overlaid(String keyspace, Map<String, T> entities, Class<T> type) {
		access().overlay(keyspace, entities, type);
		return entities;
	}

	Class<?> typeOf(String keyspace) {
		return this.store.typeOf(keyspace);
	}

}
