package dev.daprspring.data.index;

import java.util.ArrayList;
import java.util.Collection;
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
 * The sharded id index of one keyspace in one state store (layout and invariant: see the
 * package documentation).
 */
public final class KeyspaceIndex {

	/** How many shards a keyspace's ids are spread over. */
	public static final int SHARDS = 16;

	static final String SHARD_INFIX = ":__ids:";

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
		if (id.startsWith(SHARD_INFIX.substring(1))) {
			throw new IllegalArgumentException("Id '" + id + "' of keyspace '" + this.keyspace
					+ "' must not start with '__ids:', which names the keyspace's index documents");
		}
		return this.keyspace + ":" + id;
	}

	/** The state key of the shard that holds this id. */
	public String shardKey(String id) {
		return this.keyspace + SHARD_INFIX + Math.floorMod(id.hashCode(), SHARDS);
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
		List<String> keys = new ArrayList<>(SHARDS);
		for (int shard = 0; shard < SHARDS; shard++) {
			keys.add(this.keyspace + SHARD_INFIX + shard);
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

	/** Adds the id, retrying on conflicts. */
	public void add(String id) {
		String key = shardKey(id);
		ConflictRetry.untilDone("Adding id '" + id + "' to index " + key, () -> tryAdd(read(key), id) ? id : null);
	}

	/**
	 * Adds ids to their shards, reading all the shards in one call and writing only those that
	 * miss an id, retrying on conflicts.
	 */
	public void addAll(Collection<String> ids) {
		Map<String, Set<String>> byShard = new LinkedHashMap<>();
		ids.forEach((id) -> byShard.computeIfAbsent(shardKey(id), (k) -> new LinkedHashSet<>()).add(id));
		List<String> keys = new ArrayList<>(byShard.keySet());
		List<StateEntry<String[]>> read = this.state.getAll(keys, String[].class);
		for (int i = 0; i < keys.size(); i++) {
			String key = keys.get(i);
			Set<String> added = byShard.get(key);
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

	/** Removes ids from their shards, retrying on conflicts. */
	public void remove(Iterable<String> ids) {
		Map<String, Set<String>> byShard = new LinkedHashMap<>();
		ids.forEach((id) -> byShard.computeIfAbsent(shardKey(id), (k) -> new LinkedHashSet<>()).add(id));
		byShard.forEach((key, removed) -> ConflictRetry.untilDone("Removing ids from index " + key, () -> {
			IdShard shard = read(key);
			if (removed.stream().noneMatch(shard::contains)) {
				return key;
			}
			return tryWrite(shard, (all) -> all.removeAll(removed)) ? key : null;
		}));
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
