package dev.daprspring.data.core;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * What the adapter remembers of entities it saw lately, up to a bound: which keys it saw
 * stored, and the ETag each entity was last read with by findById. Only hints of what to read
 * first on a save: what a save does is decided by what it reads.
 */
final class RecentEntities {

	/** How many keys each of the two is kept for at most (then it starts over). */
	static final int KNOWN_KEYS = 100_000;

	private final Set<String> stored = ConcurrentHashMap.newKeySet();

	// Taken (removed) by the save of the same entity right after.
	private final Map<String, AsRead> read = new ConcurrentHashMap<>();

	/** Remembers that the key holds an entity. */
	void stored(String key) {
		if (this.stored.size() >= KNOWN_KEYS) {
			this.stored.clear();
		}
		this.stored.add(key);
	}

	/** Whether the key was seen holding an entity (it may have been deleted since). */
	boolean isStored(String key) {
		return this.stored.contains(key);
	}

	/** Remembers how findById read the entity at the key. */
	void read(String key, AsRead entity) {
		if (this.read.size() >= KNOWN_KEYS) {
			this.read.clear();
		}
		this.read.put(key, entity);
	}

	/** How findById last read the entity at the key, forgetting it. */
	@Nullable AsRead takeRead(String key) {
		return this.read.remove(key);
	}

	/** Forgets that the key was seen stored (a write to it failed). */
	void forgetStored(String key) {
		this.stored.remove(key);
	}

	/** Forgets all about the key (its entity is being deleted). */
	void forget(String key) {
		this.stored.remove(key);
		this.read.remove(key);
	}

	/**
	 * An entity as findById read it.
	 *
	 * @param etag its ETag
	 * @param version its version, if it has one
	 * @param values its indexed values
	 */
	record AsRead(String etag, @Nullable Long version, Map<String, String> values) {

	}

}
