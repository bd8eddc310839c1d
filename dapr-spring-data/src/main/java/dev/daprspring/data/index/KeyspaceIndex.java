package dev.daprspring.data.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.daprspring.core.error.DaprEtagMismatchException;
import dev.daprspring.core.state.SaveOptions;
import dev.daprspring.core.state.StateEntry;
import dev.daprspring.core.state.StateOperations;
import org.springframework.dao.DataAccessException;

/**
 * The index documents of one keyspace in one state store: the sharded id index, and per
 * {@code @Indexed} property and value the sharded ids holding that value (layout and invariant:
 * see the package documentation). Changes are described as "shard key → ids".
 */
public final class KeyspaceIndex {

	/** How many shards a keyspace's ids, and the ids of one indexed value, are spread over. */
	public static final int SHARDS = 16;

	static final String SHARD_INFIX = ":__ids:";

	static final String VALUE_INFIX = ":__idx:";

	private static final SaveOptions FIRST_WRITE = SaveOptions.none()
		.withConcurrency(SaveOptions.Concurrency.FIRST_WRITE);

	private final StateOperations state;

	private final String keyspace;

	public KeyspaceIndex(StateOperations state, String keyspace) {
		this.state = state;
		this.keyspace = keyspace;
	}

	/** The state key of an entity: {@code <keyspace>:<id>}. */
	public String entityKey(String id) {
		if (id.startsWith("__")) {
			throw new IllegalArgumentException("Id '" + id + "' of keyspace '" + this.keyspace
					+ "' must not start with '__', which names the keyspace's index documents");
		}
		return this.keyspace + ":" + id;
	}

	/** The state key of the shard that holds this id. */
	public String shardKey(String id) {
		return this.keyspace + SHARD_INFIX + shard(id);
	}

	/** The state key of the shard of the property's value that holds this id. */
	public String valueShardKey(String property, String value, String id) {
		return valuePrefix(property, value) + shard(id);
	}

	/**
	 * The index entries of an entity: its id shard and, for each indexed value, the value's shard.
	 * @param values the entity's indexed values by property (index values)
	 */
	public Map<String, Set<String>> entries(String id, Map<String, String> values) {
		Map<String, Set<String>> entries = new LinkedHashMap<>();
		entries.put(shardKey(id), new LinkedHashSet<>(List.of(id)));
		values.forEach((property, value) -> entries.put(valueShardKey(property, value, id),
				new LinkedHashSet<>(List.of(id))));
		return entries;
	}

	/** Reads one shard. */
	public IdShard read(String shardKey) {
		return IdShard.of(this.state.getEntry(shardKey, String[].class));
	}

	/** A shard read in a bulk call together with other keys. */
	public IdShard shard(String shardKey, String @Nullable [] ids, @Nullable String etag) {
		return IdShard.of(new StateEntry<>(shardKey, ids, etag, Map.of()));
	}

	/** All ids of the keyspace (one bulk read of every shard); may include ids whose entity is gone. */
	public Set<String> allIds() {
		return union(List.of(this.keyspace + SHARD_INFIX));
	}

	/**
	 * The ids of the entities that hold all these values (one bulk read); may include ids whose
	 * entity no longer holds one of them.
	 * @param values index values by property
	 */
	public Set<String> idsWithValues(Map<String, String> values) {
		Set<String> ids = null;
		for (Map.Entry<String, String> value : values.entrySet()) {
			Set<String> holding = union(List.of(valuePrefix(value.getKey(), value.getValue())));
			if (ids == null) {
				ids = holding;
			}
			else {
				ids.retainAll(holding);
			}
		}
		return (ids != null) ? ids : new LinkedHashSet<>();
	}

	private Set<String> union(List<String> prefixes) {
		List<String> keys = new ArrayList<>(SHARDS * prefixes.size());
		for (String prefix : prefixes) {
			for (int shard = 0; shard < SHARDS; shard++) {
				keys.add(prefix + shard);
			}
		}
		Set<String> ids = new LinkedHashSet<>();
		for (StateEntry<String[]> entry : this.state.getAll(keys, String[].class)) {
			ids.addAll(IdShard.of(entry).ids());
		}
		return ids;
	}

	/**
	 * Writes the shard with the id added, if the shard is unchanged since it was read.
	 * @return whether it was written (or already held the id); {@code false} on a conflict
	 */
	public boolean tryAdd(IdShard shard, String id) {
		return shard.contains(id) || tryWrite(shard, (ids) -> ids.add(id));
	}

	/**
	 * Adds ids to shards, reading all the shards in one call and writing only those that miss an
	 * id, retrying on conflicts.
	 * @param entries ids by shard key
	 */
	public void addAll(Map<String, Set<String>> entries) {
		if (entries.isEmpty()) {
			return;
		}
		List<String> keys = new ArrayList<>(entries.keySet());
		List<StateEntry<String[]>> read = this.state.getAll(keys, String[].class);
		for (int i = 0; i < keys.size(); i++) {
			String key = keys.get(i);
			Set<String> added = entries.get(key);
			// The first attempt uses the bulk read, retries read the shard again.
			@Nullable IdShard[] shard = { IdShard.of(read.get(i)) };
			ConflictRetry.untilDone("Adding ids to index " + key, () -> {
				IdShard current = (shard[0] != null) ? shard[0] : read(key);
				shard[0] = null;
				if (current.ids().containsAll(added)) {
					return key;
				}
				return tryWrite(current, (all) -> all.addAll(added)) ? key : null;
			});
		}
	}

	/**
	 * Removes ids from shards, retrying on conflicts.
	 * @param entries ids by shard key
	 */
	public void removeAll(Map<String, Set<String>> entries) {
		entries.forEach((key, removed) -> ConflictRetry.untilDone("Removing ids from index " + key, () -> {
			IdShard shard = read(key);
			if (removed.stream().noneMatch(shard::contains)) {
				return key;
			}
			return tryWrite(shard, (all) -> all.removeAll(removed)) ? key : null;
		}));
	}

	/** Merges index entries into others. */
	public static void merge(Map<String, Set<String>> into, Map<String, Set<String>> entries) {
		entries.forEach((key, ids) -> into.computeIfAbsent(key, (k) -> new LinkedHashSet<>()).addAll(ids));
	}

	private String valuePrefix(String property, String value) {
		return this.keyspace + VALUE_INFIX + property + ":" + value + ":";
	}

	private static int shard(String id) {
		return Math.floorMod(id.hashCode(), SHARDS);
	}

	private boolean tryWrite(IdShard shard, Consumer<Set<String>> change) {
		Set<String> ids = new LinkedHashSet<>(shard.ids());
		change.accept(ids);
		try {
			// Without an ETag, first-write creates the shard only if it is still absent.
			this.state.save(shard.key(), ids.toArray(String[]::new), FIRST_WRITE.withEtag(shard.etag()));
			return true;
		}
		catch (DaprEtagMismatchException ex) {
			return false;
		}
		catch (DataAccessException ex) {
			// state.redis reports a lost create-if-absent race (or a stale ETag on a deleted key)
			// as an internal error, not as an ETag mismatch: it was a conflict if the shard changed.
			if (!Objects.equals(read(shard.key()).etag(), shard.etag())) {
				return false;
			}
			throw ex;
		}
	}

}
