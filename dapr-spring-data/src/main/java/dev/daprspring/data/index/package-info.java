/**
 * Index documents that let a repository enumerate a keyspace on stores without the state
 * query API.
 *
 * <p>Key layout (under Dapr's own {@code <app-id>||} prefix): an entity is stored at
 * {@code <keyspace>:<id>}; the ids of a keyspace are spread over 16 shard documents at
 * {@code <keyspace>:__ids:<n>}, {@code n = floorMod(id.hashCode(), 16)} with Java's
 * {@code String.hashCode}. A shard is a JSON array of id strings. Shards are written with
 * first-write concurrency and their ETag (created only if absent), so concurrent writers to one
 * shard conflict and retry, while writers to other shards never meet.
 *
 * <p>Invariant: once no save is in flight, the id of every stored entity is in its shard. A
 * shard may also hold ids whose entity no longer exists (deleted half-way, or expired by its
 * TTL); readers skip them. It holds because:
 * <ul>
 * <li>a save adds the id to the shard before it writes the entity, and checks the shard again
 * after writing it, adding the id back if a concurrent delete removed it;</li>
 * <li>a delete removes the entity, then the id, then reads the entity again and adds the id
 * back if a concurrent save wrote the entity meanwhile (state.redis accepts a write with an
 * ETag on a key that was deleted since, so an ETag alone cannot stop that save).</li>
 * </ul>
 * Whatever the interleaving, the last index change for an id is such a check, made after the
 * last entity write it could miss.
 * State transactions are deliberately not used to couple the two writes: on {@code state.redis}
 * an operation whose ETag is stale fails while the other operations of the transaction are
 * still applied, so a transaction would not keep the index and the data in agreement there.
 */
@NullMarked
package dev.daprspring.data.index;

import org.jspecify.annotations.NullMarked;
