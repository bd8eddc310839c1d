package dev.daprspring.data.index;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.daprspring.core.state.StateEntry;

/**
 * One shard of a keyspace's id index as read, with the ETag to write it back with.
 *
 * @param key the shard's state key
 * @param ids the ids it holds
 * @param etag its ETag, or {@code null} when the shard does not exist yet
 */
public record IdShard(String key, Set<String> ids, @Nullable String etag) {

	static IdShard of(StateEntry<String[]> entry) {
		String[] ids = entry.value();
		return new IdShard(entry.key(), (ids != null) ? new LinkedHashSet<>(Arrays.asList(ids)) : new LinkedHashSet<>(),
				entry.exists() ? entry.etag() : null);
	}

	/** Whether the shard holds the id. */
	public boolean contains(String id) {
		return this.ids.contains(id);
	}

}
