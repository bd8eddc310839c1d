package dev.daprspring.data.core;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.error.DaprEtagMismatchException;
import dev.daprspring.core.error.DaprOutcomeUnknownException;
import dev.daprspring.core.state.SaveOptions;
import dev.daprspring.core.state.StateEntry;
import dev.daprspring.core.state.StateOperations;
import dev.daprspring.data.index.ConflictRetry;
import dev.daprspring.data.index.IdShard;
import dev.daprspring.data.index.KeyspaceIndex;
import dev.daprspring.data.mapping.DaprEntityMetadata;
import dev.daprspring.data.mapping.DaprMappingContext;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.keyvalue.core.AbstractKeyValueAdapter;
import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentEntity;
import org.springframework.data.keyvalue.core.query.KeyValueQuery;
import org.springframework.data.util.CloseableIterator;
import org.springframework.util.ClassUtils;

/**
 * A {@code KeyValueAdapter} over one Dapr state store. Entities are stored as plain JSON at
 * {@code <keyspace>:<id>}; keyspaces are enumerated through their sharded id index, and
 * queries are evaluated in memory over the whole keyspace.
 */
public class DaprKeyValueAdapter extends AbstractKeyValueAdapter {

	/** How many entities one bulk read asks for. */
	static final int BULK_CHUNK = 500;

	private static final SaveOptions FIRST_WRITE = SaveOptions.none()
		.withConcurrency(SaveOptions.Concurrency.FIRST_WRITE);

	private final StateOperations state;

	private final JsonMapper jsonMapper;

	private final DaprMappingContext mappingContext;

	private final TransactionalWrites transactional;

	private volatile boolean queryApi;

	private volatile boolean etagsGuardDeletes;

	/** How many ids a shard holds before a save checks it for ids of entities that are gone. */
	static final int PRUNE_AT = 128;

	// The size of each shard after this adapter last checked it.
	private final Map<String, Integer> checkedSizes = new ConcurrentHashMap<>();

	/** How many entity keys the adapter remembers as stored. */
	static final int KNOWN_KEYS = 100_000;

	// Only a hint of which keys to read first on a save: what is done is decided by what is read.
	private final Set<String> knownKeys = ConcurrentHashMap.newKeySet();

	// The ETags findById read, for a save of the same entity right after: taken (removed) by it.
	private final Map<String, ReadEtag> readEtags = new ConcurrentHashMap<>();

	private final Map<String, KeyspaceIndex> indexes = new ConcurrentHashMap<>();

	private final Map<Class<?>, DaprEntityMetadata> metadata = new ConcurrentHashMap<>();

	public DaprKeyValueAdapter(StateOperations state, JsonMapper jsonMapper, DaprMappingContext mappingContext) {
		// Derived queries, sorting and paging run in memory, over the entities an index names or
		// else the whole keyspace; each scanning query method logs that once (DaprPartTreeQuery).
		super(new DaprQueryEngine());
		this.state = state;
		this.jsonMapper = jsonMapper;
		this.mappingContext = mappingContext;
		this.transactional = new TransactionalWrites(this, state, jsonMapper);
	}

	/** The state store this adapter writes to. */
	public String storeName() {
		return this.state.storeName();
	}

	/**
	 * Saves the entity.
	 * @return the entity as written, with its new version: the same instance for a mutable
	 * entity, a new one for an immutable entity
	 */
	@Override
	public Object put(Object id, Object item, String keyspace) {
		Class<?> type = ClassUtils.getUserClass(item);
		DaprEntityMetadata entity = metadata(type);
		KeyspaceIndex index = index(keyspace);
		String sid = id.toString();
		String key = index.entityKey(sid);
		StateTransactionBuffer tx = StateTransactionBuffer.current();
		if (tx != null) {
			return this.transactional.put(tx, keyspace, sid, key, entity, type, item);
		}
		return ConflictRetry.untilDone("Saving '" + key + "' in state store '" + storeName() + "'",
				() -> trySave(index, entity, type, sid, key, item));
	}

	private @Nullable Object trySave(KeyspaceIndex index, DaprEntityMetadata entity, Class<?> type, String id,
			String key, Object item) {
		Map<String, String> values = entity.indexedValues(item);
		ReadEtag asRead = this.etagsGuardDeletes ? this.readEtags.remove(key) : null;
		if (asRead != null && asRead.values().equals(values) && Objects.equals(asRead.version(), entity.version(item))
				&& (!entity.isVersioned() || asRead.version() != null)) {
			Object saved = saveAsRead(entity, key, item, asRead);
			if (saved != null) {
				return saved;
			}
		}
		Map<String, Set<String>> entries = index.entries(id, values);
		boolean needsPrevious = entity.isVersioned() || entity.hasIndexes();
		// An entity this adapter saw stored is most likely still there: read it alone, without
		// its index shards (whose size grows with the keyspace).
		boolean known = this.etagsGuardDeletes && this.knownKeys.contains(key);
		StateEntry<?> stored;
		Object previous;
		List<StateEntry<JsonNode>> shards = null;
		if (known) {
			Class<?> readAs = needsPrevious ? type : String.class;
			StateEntry<?> entry = this.state.getEntry(key, readAs);
			stored = entry;
			previous = needsPrevious ? entry.value() : null;
		}
		else {
			List<String> keys = new ArrayList<>();
			keys.add(key);
			keys.addAll(entries.keySet());
			List<StateEntry<JsonNode>> read = this.state.getAll(keys, JsonNode.class);
			stored = read.get(0);
			previous = (stored.exists() && needsPrevious) ? this.jsonMapper.treeToValue(read.get(0).value(), type) : null;
			shards = read.subList(1, read.size());
		}
		Long expected = entity.version(item);
		Object toWrite = item;
		if (entity.isVersioned()) {
			Long current = (previous != null) ? entity.version(previous) : null;
			if (!Objects.equals(expected, current)) {
				throw staleVersion(key, expected, current);
			}
		}
		// Where the store rejects an ETag that names a key deleted since, updating an entity that
		// exists without changing its indexed values needs no index work (the argument is at the
		// check after the write below).
		boolean unchanged = this.etagsGuardDeletes && stored.exists()
				&& (previous == null || entity.indexedValues(previous).equals(values));
		List<IdShard> readShards = new ArrayList<>();
		// Shards read anyway are checked anyway: an entity written past the repository gets its entries.
		if (!unchanged || shards != null) {
			if (shards == null) {
				shards = this.state.getAll(new ArrayList<>(entries.keySet()), JsonNode.class);
			}
			// The id goes into its shard (and the shard of each indexed value) before the entity is written.
			for (StateEntry<JsonNode> shardEntry : shards) {
				IdShard shard = index.shard(shardEntry.key(),
						shardEntry.exists() ? this.jsonMapper.treeToValue(shardEntry.value(), String[].class) : null,
						shardEntry.exists() ? shardEntry.etag() : null);
				readShards.add(shard);
				if (!index.tryAdd(shard, id)) {
					return null;
				}
			}
		}
		SaveOptions options = FIRST_WRITE.withEtag(stored.exists() ? stored.etag() : null);
		if (!stored.exists() && !entity.isVersioned()) {
			options = SaveOptions.none();
		}
		Duration ttl = entity.timeToLive(item);
		if (ttl != null) {
			options = options.withTtl(ttl);
		}
		Object originalVersion = entity.rawVersion(item);
		if (entity.isVersioned()) {
			toWrite = entity.withVersion(item, (expected != null) ? expected + 1 : 1);
		}
		try {
			this.state.save(key, toWrite, options);
		}
		catch (DataAccessException ex) {
			entity.restoreVersion(item, originalVersion);
			this.knownKeys.remove(key);
			if (ex instanceof DaprOutcomeUnknownException) {
				// Perhaps written: neither a conflict nor a stale version.
				throw ex;
			}
			boolean conflict = (ex instanceof DaprEtagMismatchException) || changedSince(key, stored);
			if (!conflict) {
				throw ex;
			}
			if (entity.isVersioned()) {
				throw staleVersion(key, expected, null);
			}
			return null;
		}
		// A delete or a change of value running since the read may have removed an entry (and
		// state.redis accepts an ETag on a key deleted meanwhile): check the entries again.
		// Skipped only for an update that keeps the values it read, on a store whose ETag check
		// fails on any write or delete since the read. Whatever removes an entry checks the
		// entity afterwards, putting the entry back if the entity has it. A check between this
		// read and this write saw the entity as read (nothing wrote it in between), which has the
		// entry; a check after this write sees it or a later write, whose save sees to its own
		// entries; a check before this read was followed by the write this save read, whose save
		// checked after writing or was such an update itself. A save that changes a value has no
		// such cover, even if the shards it read held all its entries: a concurrent change that
		// wrote the entity before this read can remove one afterwards, and its check, made before
		// this write, saw no reason to put it back (issue 16: a value index lost an entity so).
		if (!unchanged) {
			index.addAll(entries);
		}
		if (previous != null && entity.hasIndexes()) {
			Map<String, Set<String>> obsolete = obsoleteEntries(index, entity, id, previous, values);
			if (!obsolete.isEmpty()) {
				removeFromIndex(index, type, obsolete);
			}
		}
		rememberStored(key);
		pruneIfGrown(index, type, readShards);
		return toWrite;
	}

	// A shard also collects ids of entities that are gone (expired by their TTL, or deleted
	// half-way): checked when it reaches PRUNE_AT ids and again each time it grew by a quarter,
	// so that it never outgrows the sidecar's body limit with them.
	private void pruneIfGrown(KeyspaceIndex index, Class<?> type, List<IdShard> shards) {
		for (IdShard shard : shards) {
			int size = shard.ids().size();
			if (size < Math.max(PRUNE_AT, this.checkedSizes.getOrDefault(shard.key(), 0) * 5 / 4)) {
				continue;
			}
			try {
				Set<String> stale = new LinkedHashSet<>(shard.ids());
				stale.removeAll(belonging(index, type, shard.key(), List.copyOf(shard.ids())));
				if (!stale.isEmpty()) {
					removeFromIndex(index, type, Map.of(shard.key(), stale));
				}
				this.checkedSizes.put(shard.key(), size - stale.size());
			}
			catch (DataAccessException ex) {
				// The entity is saved; a later save checks the shard again.
			}
		}
	}

	/**
	 * Writes an entity guarded by the ETag findById read it with, when it still holds the
	 * version and indexed values read then: the same reasoning as for a read ETag (see
	 * {@code trySave}) makes the index work unnecessary.
	 * @return the saved entity, or {@code null} when the entity changed since (then the save
	 * starts over the usual way)
	 */
	private @Nullable Object saveAsRead(DaprEntityMetadata entity, String key, Object item, ReadEtag read) {
		SaveOptions options = FIRST_WRITE.withEtag(read.etag());
		Duration ttl = entity.timeToLive(item);
		if (ttl != null) {
			options = options.withTtl(ttl);
		}
		Object originalVersion = entity.rawVersion(item);
		Long version = read.version();
		Object toWrite = (version != null) ? entity.withVersion(item, version + 1) : item;
		try {
			this.state.save(key, toWrite, options);
		}
		catch (DataAccessException ex) {
			entity.restoreVersion(item, originalVersion);
			if (ex instanceof DaprOutcomeUnknownException || (!(ex instanceof DaprEtagMismatchException)
					&& !changedSince(key, new StateEntry<>(key, "", read.etag(), Map.of())))) {
				throw ex;
			}
			return null;
		}
		rememberStored(key);
		return toWrite;
	}

	/** Remembers the ETag an entity was read with, for a save of it right after. */
	private void rememberRead(String key, StateEntry<?> entry) {
		Object value = entry.value();
		if (this.etagsGuardDeletes && value != null && entry.etag() != null) {
			DaprEntityMetadata entity = metadata(value.getClass());
			if (this.readEtags.size() >= KNOWN_KEYS) {
				this.readEtags.clear();
			}
			this.readEtags.put(key, new ReadEtag(entry.etag(), entity.version(value), entity.indexedValues(value)));
		}
	}

	/**
	 * An entity as findById read it.
	 *
	 * @param etag its ETag
	 * @param version its version, if it has one
	 * @param values its indexed values
	 */
	private record ReadEtag(String etag, @Nullable Long version, Map<String, String> values) {

	}

	private void forget(String key) {
		this.knownKeys.remove(key);
		this.readEtags.remove(key);
	}

	/** Remembers (up to a bound) that the key holds an entity. */
	private void rememberStored(String key) {
		if (this.knownKeys.size() >= KNOWN_KEYS) {
			this.knownKeys.clear();
		}
		this.knownKeys.add(key);
	}

	/** The value-index entries of the entity as it was that it no longer has. */
	Map<String, Set<String>> obsoleteEntries(KeyspaceIndex index, DaprEntityMetadata entity, String id,
			Object previous, Map<String, String> values) {
		Map<String, Set<String>> obsolete = new LinkedHashMap<>();
		entity.indexedValues(previous).forEach((property, value) -> {
			if (!value.equals(values.get(property))) {
				obsolete.put(index.valueShardKey(property, value, id), new LinkedHashSet<>(List.of(id)));
			}
		});
		return obsolete;
	}

	/**
	 * Whether the entity changed since it was read: state.redis reports a stale ETag on a
	 * deleted key, or a lost create-if-absent race, as an internal error rather than a mismatch.
	 */
	private boolean changedSince(String key, StateEntry<?> read) {
		StateEntry<JsonNode> now = this.state.getEntry(key, JsonNode.class);
		return read.exists() ? !now.exists() || !Objects.equals(now.etag(), read.etag()) : now.exists();
	}

	@Override
	public boolean contains(Object id, String keyspace) {
		StateTransactionBuffer tx = StateTransactionBuffer.current();
		if (tx != null) {
			return this.transactional.view(tx, index(keyspace).entityKey(id.toString()), JsonNode.class) != null;
		}
		return this.state.getEntry(index(keyspace).entityKey(id.toString()), JsonNode.class).exists();
	}

	@Override
	public @Nullable Object get(Object id, String keyspace) {
		return get(id, keyspace, typeOf(keyspace));
	}

	@Override
	public <T> @Nullable T get(Object id, String keyspace, Class<T> type) {
		StateTransactionBuffer tx = StateTransactionBuffer.current();
		if (tx != null) {
			return this.transactional.view(tx, index(keyspace).entityKey(id.toString()), type);
		}
		String key = index(keyspace).entityKey(id.toString());
		StateEntry<T> entry = this.state.getEntry(key, type);
		rememberRead(key, entry);
		return entry.value();
	}

	@Override
	public @Nullable Object delete(Object id, String keyspace) {
		return delete(id, keyspace, typeOf(keyspace));
	}

	@Override
	public <T> @Nullable T delete(Object id, String keyspace, Class<T> type) {
		KeyspaceIndex index = index(keyspace);
		String sid = id.toString();
		StateTransactionBuffer tx = StateTransactionBuffer.current();
		if (tx != null) {
			return this.transactional.delete(tx, keyspace, sid, index.entityKey(sid), type, null);
		}
		T existing = this.state.getEntry(index.entityKey(sid), type).value();
		forget(index.entityKey(sid));
		if (existing != null) {
			this.state.delete(index.entityKey(sid));
		}
		removeFromIndex(index, type, index.entries(sid, indexedValues(existing)));
		return existing;
	}

	/**
	 * Deletes an entity if its stored version is still the one it carries.
	 * @throws OptimisticLockingFailureException if it was changed or deleted since it was read;
	 * nothing is deleted then
	 */
	public <T> T deleteVersioned(Object id, String keyspace, Class<T> type, T entity) {
		KeyspaceIndex index = index(keyspace);
		String sid = id.toString();
		String key = index.entityKey(sid);
		StateTransactionBuffer tx = StateTransactionBuffer.current();
		if (tx != null) {
			this.transactional.delete(tx, keyspace, sid, key, type, entity);
			return entity;
		}
		Long expected = metadata(type).version(entity);
		StateEntry<T> stored = this.state.getEntry(key, type);
		Long current = (stored.value() != null) ? metadata(type).version(stored.value()) : null;
		if (stored.value() == null || !Objects.equals(expected, current)) {
			throw staleVersion(key, expected, current);
		}
		forget(key);
		try {
			this.state.delete(key, stored.etag());
		}
		catch (DaprEtagMismatchException ex) {
			throw staleVersion(key, expected, null);
		}
		removeFromIndex(index, type, index.entries(sid, indexedValues(stored.value())));
		return entity;
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
		KeyspaceIndex index = index(keyspace);
		StateTransactionBuffer buffer = StateTransactionBuffer.current();
		if (buffer != null) {
			this.transactional.deleteAll(buffer, keyspace, typeOf(keyspace), index.allIds());
			return;
		}
		Class<?> type = typeOf(keyspace);
		Set<String> indexed = index.allIds();
		Map<String, Set<String>> entries = new LinkedHashMap<>();
		indexed.forEach((id) -> KeyspaceIndex.merge(entries, index.entries(id, Map.of())));
		if (metadata(type).hasIndexes()) {
			// The values of the entities name their value-index entries.
			readAll(keyspace, type).forEach((id, entity) -> KeyspaceIndex.merge(entries,
					index.entries(id, metadata(type).indexedValues(entity))));
		}
		List<String> ids = new ArrayList<>(indexed);
		ids.forEach((id) -> forget(index.entityKey(id)));
		// Entities first, then their ids: the index may briefly hold ids of deleted entities,
		// never the reverse.
		for (int from = 0; from < ids.size(); from += 100) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
			this.state.transaction((tx) -> chunk.forEach((id) -> tx.delete(index.entityKey(id))));
		}
		removeFromIndex(index, type, entries);
	}

	private Map<String, String> indexedValues(@Nullable Object entity) {
		return (entity != null) ? metadata(entity.getClass()).indexedValues(entity) : Map.of();
	}

	/**
	 * Removes index entries, shard by shard, and after each shard, whether its removal worked
	 * or failed, puts back the ids of those entities a concurrent save wrote meanwhile, so the
	 * index never misses a stored entity. The first failure is thrown once every shard was
	 * tried; a shard that could not be changed keeps ids, which readers check.
	 * @param entries the entries to remove, by shard key
	 */
	void removeFromIndex(KeyspaceIndex index, Class<?> type, Map<String, Set<String>> entries) {
		RuntimeException failure = null;
		for (Map.Entry<String, Set<String>> shard : entries.entrySet()) {
			try {
				index.removeAll(Map.of(shard.getKey(), shard.getValue()));
			}
			catch (RuntimeException ex) {
				failure = first(failure, ex);
			}
			try {
				putBack(index, type, shard.getKey(), List.copyOf(shard.getValue()));
			}
			catch (RuntimeException ex) {
				failure = first(failure, ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	// Adds back to the shard the ids whose entity exists now and still belongs in it.
	private void putBack(KeyspaceIndex index, Class<?> type, String shardKey, List<String> ids) {
		Set<String> back = belonging(index, type, shardKey, ids);
		if (!back.isEmpty()) {
			index.addAll(Map.of(shardKey, back));
		}
	}

	// The ids whose entity exists now and has an entry in the shard.
	private Set<String> belonging(KeyspaceIndex index, Class<?> type, String shardKey, List<String> ids) {
		DaprEntityMetadata entity = metadata(type);
		Set<String> back = new LinkedHashSet<>();
		for (int from = 0; from < ids.size(); from += BULK_CHUNK) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BULK_CHUNK));
			List<StateEntry<JsonNode>> now = this.state.getAll(chunk.stream().map(index::entityKey).toList(),
					JsonNode.class);
			for (int i = 0; i < chunk.size(); i++) {
				StateEntry<JsonNode> current = now.get(i);
				if (current.exists()) {
					Map<String, String> values = entity.hasIndexes()
							? entity.indexedValues(this.jsonMapper.treeToValue(current.value(), type)) : Map.of();
					if (index.entries(chunk.get(i), values).containsKey(shardKey)) {
						back.add(chunk.get(i));
					}
				}
			}
		}
		return back;
	}

	private static RuntimeException first(@Nullable RuntimeException failure, RuntimeException ex) {
		if (failure == null) {
			return ex;
		}
		failure.addSuppressed(ex);
		return failure;
	}

	@Override
	public void clear() {
		for (KeyValuePersistentEntity<?, ?> entity : this.mappingContext.entities()) {
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
		return index(keyspace).allIds();
	}

	/**
	 * The entities of the keyspace an index names for these equalities, or {@code null} when
	 * none of the properties is {@code @Indexed}. They may not all match: the caller filters.
	 * @param equalities values by property name
	 */
	@Nullable List<Object> findIndexed(String keyspace, Map<String, Object> equalities) {
		Class<?> type = typeOf(keyspace);
		DaprEntityMetadata entity = metadata(type);
		Map<String, String> values = new LinkedHashMap<>();
		equalities.forEach((property, value) -> {
			if (entity.isIndexed(property)) {
				values.put(property, DaprEntityMetadata.indexValue(value));
			}
		});
		if (values.isEmpty()) {
			return null;
		}
		KeyspaceIndex index = index(keyspace);
		return new ArrayList<Object>(read(index, new ArrayList<>(index.idsWithValues(values)), keyspace, type).values());
	}

	/** Sends derived queries with a query API filter to the store's state query API (capability {@code QUERY_API}). */
	public void setQueryApi(boolean queryApi) {
		this.queryApi = queryApi;
	}

	/**
	 * Tells the adapter that the store rejects a write whose ETag names a key deleted since
	 * (state.in-memory and state.postgresql do, state.redis does not). A save of an entity that
	 * exists and whose index entries are all in place then skips checking the index again after
	 * writing: a concurrent delete makes its ETag-guarded write fail instead.
	 */
	public void setEtagsGuardDeletes(boolean etagsGuardDeletes) {
		this.etagsGuardDeletes = etagsGuardDeletes;
	}

	/** Whether derived queries with a query API filter go to the store's state query API. */
	public boolean usesQueryApi() {
		return this.queryApi;
	}

	/**
	 * Whether this query goes to the store's state query API: its criteria have a query API
	 * filter, the store has the API, and no transaction runs (whose writes it would not see).
	 */
	public boolean pushesDown(KeyValueQuery<?> query) {
		return this.queryApi && query.getCriteria() instanceof IndexedPredicate criteria && criteria.filter() != null
				&& StateTransactionBuffer.current() == null;
	}

	/**
	 * Runs a query through the state query API: its filter, and its sort when every sorted
	 * property is a text property (so the database's text ordering is the property's order),
	 * with the entity id as tie-breaker; results from other keyspaces are dropped and the full
	 * criteria applied to the rest. With a pushed order, pages are fetched only until the
	 * requested rows are found; otherwise every match is read and sorted and paged in memory.
	 * @param rows how many results at most, {@code -1} for all
	 */
	List<Object> queryApi(String keyspace, IndexedPredicate criteria, Sort sort, @Nullable Comparator<?> comparator,
			long offset, int rows) {
		Class<?> type = typeOf(keyspace);
		return new StateQuery(this.state, this.jsonMapper, this.mappingContext.entity(type), keyspace)
			.run(criteria, sort, comparator, Math.max(offset, 0), rows);
	}

	/** The ids the index of an {@code @Indexed} property holds for a value, including stale ones. */
	public Set<String> indexedIds(String keyspace, String property, Object value) {
		return index(keyspace).idsWithValues(Map.of(property, DaprEntityMetadata.indexValue(value)));
	}

	private <T> Map<String, T> readAll(String keyspace, Class<T> type) {
		KeyspaceIndex index = index(keyspace);
		return read(index, new ArrayList<>(index.allIds()), keyspace, type);
	}

	private <T> Map<String, T> read(KeyspaceIndex index, List<String> ids, String keyspace, Class<T> type) {
		Map<String, T> entities = new LinkedHashMap<>();
		for (int from = 0; from < ids.size(); from += BULK_CHUNK) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BULK_CHUNK));
			List<String> keys = chunk.stream().map(index::entityKey).toList();
			List<StateEntry<T>> read = this.state.getAll(keys, type);
			for (int i = 0; i < chunk.size(); i++) {
				T value = read.get(i).value();
				if (value != null) {
					entities.put(chunk.get(i), value);
				}
			}
		}
		StateTransactionBuffer tx = StateTransactionBuffer.current();
		if (tx != null) {
			this.transactional.overlay(tx, keyspace, entities, type);
		}
		return entities;
	}

	/** Writes the changes a transaction buffered, as one state transaction. */
	void commit(StateTransactionBuffer tx) {
		this.transactional.commit(tx);
	}

	KeyspaceIndex index(String keyspace) {
		return this.indexes.computeIfAbsent(keyspace, (name) -> new KeyspaceIndex(this.state, name));
	}

	DaprEntityMetadata metadata(Class<?> type) {
		return this.metadata.computeIfAbsent(type,
				(t) -> new DaprEntityMetadata(this.mappingContext.entity(t)));
	}

	Class<?> typeOf(String keyspace) {
		for (KeyValuePersistentEntity<?, ?> entity : this.mappingContext.entities()) {
			if (entity.getIdProperty() != null && keyspace.equals(entity.getKeySpace())) {
				return entity.getType();
			}
		}
		throw new IllegalStateException("No entity type is mapped to keyspace '" + keyspace + "' in state store '"
				+ storeName() + "'");
	}

	OptimisticLockingFailureException staleVersion(String key, @Nullable Long expected,
			@Nullable Long current) {
		String stored = (current != null) ? "version " + current : "a different version or no entity";
		return new OptimisticLockingFailureException("Entity '" + key + "' in state store '" + storeName()
				+ "' was changed or deleted by someone else: it carries version " + expected + " but the store holds "
				+ stored + "; nothing was written. Read it again and retry.");
	}

}
