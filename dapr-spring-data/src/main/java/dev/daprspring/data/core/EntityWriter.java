package dev.daprspring.data.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.daprspring.core.error.DaprEtagMismatchException;
import dev.daprspring.core.error.DaprOutcomeUnknownException;
import dev.daprspring.core.state.SaveOptions;
import dev.daprspring.core.state.StateEntry;
import dev.daprspring.data.core.RecentEntities.AsRead;
import dev.daprspring.data.index.ConflictRetry;
import dev.daprspring.data.index.IdShard;
import dev.daprspring.data.index.IndexWriter;
import dev.daprspring.data.index.KeyspaceIndex;
import dev.daprspring.data.mapping.DaprEntityMetadata;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.util.ClassUtils;

/**
 * Saves entities straight to the store, outside transactions: each save guarded by the
 * entity's ETag and its {@code @Version}, retried on conflicts, with the index entries kept
 * by the {@link IndexWriter}; and the version checks, which transactions share.
 */
final class EntityWriter {

	static final SaveOptions FIRST_WRITE = SaveOptions.none().withConcurrency(SaveOptions.Concurrency.FIRST_WRITE);

	private final StoreContext store;

	private final IndexWriter indexWriter;

	private final RecentEntities recent;

	EntityWriter(StoreContext store, IndexWriter indexWriter, RecentEntities recent) {
		this.store = store;
		this.indexWriter = indexWriter;
		this.recent = recent;
	}

	/**
	 * Saves the entity, starting over on a conflict with a concurrent writer.
	 * @return the entity as written, with its new version
	 */
	Object save(String keyspace, String id, Object item) {
		Class<?> type = ClassUtils.getUserClass(item);
		DaprEntityMetadata entity = this.store.metadata(type);
		KeyspaceIndex index = this.store.index(keyspace);
		String key = index.entityKey(id);
		return ConflictRetry.untilDone("Saving '" + key + "' in state store '" + this.store.storeName() + "'",
				() -> trySave(index, entity, type, id, key, item));
	}

	/**
	 * Saves an entity under an id just generated at random, which nothing can hold yet: without
	 * reading the entity first. Where the store keeps an index, its id goes into the shards
	 * before the write and is checked after it, as for any save: once in a shard the id can be
	 * found by a pruner or a deleteAll, which, seeing no entity yet, may remove it.
	 */
	Object saveNew(String keyspace, String id, Object item) {
		Class<?> type = ClassUtils.getUserClass(item);
		DaprEntityMetadata entity = this.store.metadata(type);
		KeyspaceIndex index = this.store.index(keyspace);
		String key = index.entityKey(id);
		return ConflictRetry.untilDone("Saving '" + key + "' in state store '" + this.store.storeName() + "'", () -> {
			List<IdShard> shards = List.of();
			Map<String, Set<String>> entries = index.entries(id, entity.indexedValues(item));
			if (this.store.keepsIndex()) {
				List<IdShard> added = this.indexWriter.addBeforeWrite(index,
						this.store.state().getAll(new ArrayList<>(entries.keySet()), JsonNode.class), id);
				if (added == null) {
					return null;
				}
				shards = added;
			}
			if (entity.isVersioned()) {
				// Nothing is stored under the id: only an entity without a version can be inserted.
				checkVersion(this.store.storeName(), key, entity.version(item), null);
			}
			// Versioned: first-write without an ETag creates it only if absent.
			Object toWrite = entity.isVersioned() ? entity.withVersion(item, 1) : item;
			this.store.state().save(key, toWrite,
					withTtl(entity.isVersioned() ? FIRST_WRITE : SaveOptions.none(), entity, item));
			if (this.store.keepsIndex()) {
				this.indexWriter.addAfterWrite(index, entries);
				this.recent.stored(key);
				this.indexWriter.pruneIfGrown(index, type, shards);
			}
			return toWrite;
		});
	}

	private @Nullable Object trySave(KeyspaceIndex index, DaprEntityMetadata entity, Class<?> type, String id,
			String key, Object item) {
		if (!this.store.keepsIndex()) {
			return saveWithoutIndex(entity, type, key, item);
		}
		Map<String, String> values = entity.indexedValues(item);
		AsRead asRead = this.store.etagsGuardDeletes() ? this.recent.takeRead(key) : null;
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
		boolean known = this.store.etagsGuardDeletes() && this.recent.isStored(key);
		StateEntry<?> stored;
		Object previous;
		List<StateEntry<JsonNode>> shards = null;
		if (known) {
			Class<?> readAs = needsPrevious ? type : String.class;
			StateEntry<?> entry = this.store.state().getEntry(key, readAs);
			stored = entry;
			previous = needsPrevious ? entry.value() : null;
		}
		else {
			List<String> keys = new ArrayList<>();
			keys.add(key);
			keys.addAll(entries.keySet());
			List<StateEntry<JsonNode>> read = this.store.state().getAll(keys, JsonNode.class);
			stored = read.get(0);
			previous = (stored.exists() && needsPrevious) ? this.store.json().treeToValue(read.get(0).value(), type) : null;
			shards = read.subList(1, read.size());
		}
		Long expected = entity.version(item);
		if (entity.isVersioned()) {
			checkVersion(this.store.storeName(), key, expected, (previous != null) ? entity.version(previous) : null);
		}
		// Where the store rejects an ETag that names a key deleted since, updating an entity that
		// exists without changing its indexed values needs no index work (the argument is at the
		// check after the write below).
		boolean unchanged = this.store.etagsGuardDeletes() && stored.exists()
				&& (previous == null || entity.indexedValues(previous).equals(values));
		List<IdShard> readShards = List.of();
		// Shards read anyway are checked anyway: an entity written past the repository gets its entries.
		if (!unchanged || shards != null) {
			if (shards == null) {
				shards = this.store.state().getAll(new ArrayList<>(entries.keySet()), JsonNode.class);
			}
			List<IdShard> added = this.indexWriter.addBeforeWrite(index, shards, id);
			if (added == null) {
				return null;
			}
			readShards = added;
		}
		SaveOptions options = FIRST_WRITE.withEtag(stored.exists() ? stored.etag() : null);
		if (!stored.exists() && !entity.isVersioned()) {
			options = SaveOptions.none();
		}
		options = withTtl(options, entity, item);
		Object originalVersion = entity.rawVersion(item);
		Object toWrite = entity.isVersioned() ? entity.withVersion(item, (expected != null) ? expected + 1 : 1) : item;
		try {
			this.store.state().save(key, toWrite, options);
		}
		catch (DataAccessException ex) {
			entity.restoreVersion(item, originalVersion);
			this.recent.forgetStored(key);
			if (ex instanceof DaprOutcomeUnknownException) {
				// Perhaps written: neither a conflict nor a stale version.
				throw ex;
			}
			boolean conflict = (ex instanceof DaprEtagMismatchException) || changedSince(key, stored);
			if (!conflict) {
				throw ex;
			}
			if (entity.isVersioned()) {
				throw staleVersion(this.store.storeName(), key, expected, null);
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
			this.indexWriter.addAfterWrite(index, entries);
		}
		if (previous != null) {
			this.indexWriter.removeObsolete(index, type, id, previous, values);
		}
		this.recent.stored(key);
		this.indexWriter.pruneIfGrown(index, type, readShards);
		return toWrite;
	}

	/**
	 * Saves on a store that keeps no index (it has the query API): an unversioned entity is
	 * written as it is, last write wins; a versioned one is checked against the version stored
	 * and written with the ETag it was checked with (the one findById read, when it still holds
	 * the version the entity carries).
	 */
	private @Nullable Object saveWithoutIndex(DaprEntityMetadata entity, Class<?> type, String key, Object item) {
		AsRead asRead = this.recent.takeRead(key);
		if (!entity.isVersioned()) {
			this.store.state().save(key, item, withTtl(SaveOptions.none(), entity, item));
			return item;
		}
		Long expected = entity.version(item);
		if (asRead != null && asRead.version() != null && asRead.version().equals(expected)) {
			Object saved = saveAsRead(entity, key, item, asRead);
			if (saved != null) {
				return saved;
			}
		}
		StateEntry<?> stored = this.store.state().getEntry(key, type);
		checkVersion(this.store.storeName(), key, expected,
				stored.exists() ? entity.version(Objects.requireNonNull(stored.value())) : null);
		Object originalVersion = entity.rawVersion(item);
		Object toWrite = entity.withVersion(item, (expected != null) ? expected + 1 : 1);
		try {
			// Without an ETag (nothing stored), first-write creates the entity only if still absent.
			this.store.state().save(key, toWrite, withTtl(FIRST_WRITE.withEtag(stored.etag()), entity, item));
		}
		catch (DataAccessException ex) {
			entity.restoreVersion(item, originalVersion);
			if (!(ex instanceof DaprOutcomeUnknownException)
					&& (ex instanceof DaprEtagMismatchException || changedSince(key, stored))) {
				throw staleVersion(this.store.storeName(), key, expected, null);
			}
			throw ex;
		}
		return toWrite;
	}

	/**
	 * Writes an entity guarded by the ETag findById read it with, when it still holds the
	 * version and indexed values read then: the same reasoning as for a read ETag (see
	 * {@code trySave}) makes the index work unnecessary.
	 * @return the saved entity, or {@code null} when the entity changed since (then the save
	 * starts over the usual way)
	 */
	private @Nullable Object saveAsRead(DaprEntityMetadata entity, String key, Object item, AsRead read) {
		SaveOptions options = withTtl(FIRST_WRITE.withEtag(read.etag()), entity, item);
		Object originalVersion = entity.rawVersion(item);
		Long version = read.version();
		Object toWrite = (version != null) ? entity.withVersion(item, version + 1) : item;
		try {
			this.store.state().save(key, toWrite, options);
		}
		catch (DataAccessException ex) {
			entity.restoreVersion(item, originalVersion);
			if (ex instanceof DaprOutcomeUnknownException || (!(ex instanceof DaprEtagMismatchException)
					&& !changedSince(key, new StateEntry<>(key, "", read.etag(), Map.of())))) {
				throw ex;
			}
			return null;
		}
		this.recent.stored(key);
		return toWrite;
	}

	private static SaveOptions withTtl(SaveOptions options, DaprEntityMetadata entity, Object item) {
		Duration ttl = entity.timeToLive(item);
		return (ttl != null) ? options.withTtl(ttl) : options;
	}

	/**
	 * Whether the entity changed since it was read: state.redis reports a stale ETag on a
	 * deleted key, or a lost create-if-absent race, as an internal error rather than a mismatch.
	 */
	private boolean changedSince(String key, StateEntry<?> read) {
		StateEntry<JsonNode> now = this.store.state().getEntry(key, JsonNode.class);
		return read.exists() ? !now.exists() || !Objects.equals(now.etag(), read.etag()) : now.exists();
	}

	/**
	 * Checks the version an entity carries against the one stored.
	 * @throws OptimisticLockingFailureException if they differ
	 */
	static void checkVersion(String store, String key, @Nullable Long expected, @Nullable Long current) {
		if (!Objects.equals(expected, current)) {
			throw staleVersion(store, key, expected, current);
		}
	}

	static OptimisticLockingFailureException staleVersion(String store, String key, @Nullable Long expected,
			@Nullable Long current) {
		String stored = (current != null) ? "version " + current : "a different version or no entity";
		return new OptimisticLockingFailureException("Entity '" + key + "' in state store '" + store
				+ "' was changed or deleted by someone else: it carries version " + expected + " but the store holds "
				+ stored + "; nothing was written. Read it again and retry.");
	}

}
