package dev.daprspring.data.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.state.StateEntry;
import dev.daprspring.core.state.StateOperations;
import dev.daprspring.data.mapping.DaprEntityMetadata;
import dev.daprspring.data.mapping.DaprMappingContext;
import org.springframework.dao.DataAccessException;

/**
 * Keeps the index entries of the entities of one state store in step with the entities, by
 * the protocol the package documentation states: ids are added before an entity is written
 * and again after; entries an entity no longer has are removed after it is written, each
 * removal followed by a check that puts back what a concurrent save wrote meanwhile; shards
 * that grew are pruned of ids whose entity is gone (by the same removal).
 */
public final class IndexWriter {

	/** How many ids a shard holds before a save checks it for ids of entities that are gone. */
	public static final int PRUNE_AT = 128;

	/** How many entities one bulk read asks for. */
	public static final int BULK_CHUNK = 500;

	private final StateOperations state;

	private final JsonMapper jsonMapper;

	private final DaprMappingContext mappingContext;

	// The size of each shard after this writer last checked it.
	private final Map<String, Integer> checkedSizes = new ConcurrentHashMap<>();

	public IndexWriter(StateOperations state, JsonMapper jsonMapper, DaprMappingContext mappingContext) {
		this.state = state;
		this.jsonMapper = jsonMapper;
		this.mappingContext = mappingContext;
	}

	/**
	 * Adds the id to each shard read (in a bulk read together with the entity), before the
	 * entity is written.
	 * @return the shards as read, or {@code null} when one changed since it was read (the save
	 * starts over)
	 */
	public @Nullable List<IdShard> addBeforeWrite(KeyspaceIndex index, List<StateEntry<JsonNode>> shards, String id) {
		List<IdShard> read = new ArrayList<>();
		for (StateEntry<JsonNode> entry : shards) {
			IdShard shard = index.shard(entry.key(),
					entry.exists() ? this.jsonMapper.treeToValue(entry.value(), String[].class) : null,
					entry.exists() ? entry.etag() : null);
			read.add(shard);
			if (!index.tryAdd(shard, id)) {
				return null;
			}
		}
		return read;
	}

	/** Adds the entries again after the entity was written: a concurrent removal may have taken one. */
	public void addAfterWrite(KeyspaceIndex index, Map<String, Set<String>> entries) {
		index.addAll(entries);
	}

	/** The value-index entries of the entity as it was that it no longer has. */
	public Map<String, Set<String>> obsoleteEntries(KeyspaceIndex index, DaprEntityMetadata entity, String id,
			Object previous, Map<String, String> values) {
		Map<String, Set<String>> obsolete = new LinkedHashMap<>();
		entity.indexedValues(previous).forEach((property, value) -> {
			if (!value.equals(values.get(property))) {
				obsolete.put(index.valueShardKey(property, value, id), new LinkedHashSet<>(List.of(id)));
			}
		});
		return obsolete;
	}

	/** Removes the entries the entity held before this write and no longer holds. */
	public void removeObsolete(KeyspaceIndex index, Class<?> type, String id, Object previous,
			Map<String, String> values) {
		DaprEntityMetadata entity = this.mappingContext.metadata(type);
		if (entity.hasIndexes()) {
			Map<String, Set<String>> obsolete = obsoleteEntries(index, entity, id, previous, values);
			if (!obsolete.isEmpty()) {
				remove(index, type, obsolete);
			}
		}
	}

	/**
	 * Removes index entries, shard by shard, and after each shard, whether its removal worked
	 * or failed, puts back the ids of those entities a concurrent save wrote meanwhile, so the
	 * index never misses a stored entity. The first failure is thrown once every shard was
	 * tried; a shard that could not be changed keeps ids, which readers check.
	 * @param entries the entries to remove, by shard key
	 */
	public void remove(KeyspaceIndex index, Class<?> type, Map<String, Set<String>> entries) {
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

	/**
	 * Checks the shards a save read that reached {@link #PRUNE_AT} ids, or grew by a quarter
	 * since last checked, for ids of entities that are gone (expired by their TTL, or deleted
	 * half-way), so that a shard never outgrows the sidecar's body limit with them.
	 */
	public void pruneIfGrown(KeyspaceIndex index, Class<?> type, List<IdShard> shards) {
		for (IdShard shard : shards) {
			int size = shard.ids().size();
			if (size < Math.max(PRUNE_AT, this.checkedSizes.getOrDefault(shard.key(), 0) * 5 / 4)) {
				continue;
			}
			try {
				Set<String> stale = new LinkedHashSet<>(shard.ids());
				stale.removeAll(belonging(index, type, shard.key(), List.copyOf(shard.ids())));
				if (!stale.isEmpty()) {
					remove(index, type, Map.of(shard.key(), stale));
				}
				this.checkedSizes.put(shard.key(), size - stale.size());
			}
			catch (DataAccessException ex) {
				// The entity is saved; a later save checks the shard again.
			}
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
		DaprEntityMetadata entity = this.mappingContext.metadata(type);
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

}
