/**
 * Index documents that let a repository enumerate a keyspace, and find the entities holding a
 * value of an {@code @Indexed} property, on stores without the state query API. A store with
 * that API (capability {@code QUERY_API}, for example state.postgresql v1) keeps no index
 * documents at all: enumeration and every derived query go through the query API, whose
 * candidate keys are read again with a bulk get (it returns other app ids' rows under our keys,
 * see {@code StateQuery}), so a save there is the entity's write alone, ETag-guarded only for a
 * {@code @Version} check.
 *
 * <p>Key layout (under Dapr's own {@code <app-id>||} prefix): an entity is stored at
 * {@code <keyspace>:<id>}; the ids of a keyspace are spread over 16 shard documents at
 * {@code <keyspace>:__ids:<n>}, {@code n = floorMod(id.hashCode(), 16)} with Java's
 * {@code String.hashCode}. The ids of the entities whose {@code @Indexed} property {@code p}
 * holds value {@code v} are spread the same way over {@code <keyspace>:__idx:<p>:<v>:<n>}, where
 * {@code v} is the value's string form (an enum's name), URL-encoded in UTF-8. A shard is a
 * JSON array of id strings. Shards are written with first-write concurrency and their ETag
 * (created only if absent), so concurrent writers to one shard conflict and retry, while
 * writers to other shards never meet. Ids must not start with {@code __}.
 *
 * <p>Invariant: once no save is in flight, the id of every stored entity is in its id shard and
 * in the shard of each of its indexed values. A shard may also hold ids whose entity no longer
 * exists or no longer holds the value (deleted or changed half-way, or expired by its TTL);
 * readers read the entities and check them. It holds because:
 * <ul>
 * <li>a save adds the entity's entries before it writes the entity, and checks them again
 * after writing it, adding back those a concurrent delete or change removed;</li>
 * <li>a delete, or a save that changes an indexed value, removes the entries the entity no
 * longer has after writing it, shard by shard, and after each shard, whether the removal
 * worked or failed, reads the entity again and adds back to that shard what it then holds
 * (state.redis accepts a write with an ETag on a key that was deleted since, so an ETag alone
 * cannot stop a concurrent save).</li>
 * </ul>
 * Whatever the interleaving, the last index change for an entry is such a check, made after the
 * last entity write it could miss. {@link IndexWriter} carries these steps out. Pruning the ids
 * of entities that are gone (a save checks a shard once it is large, see
 * {@link IndexWriter#pruneIfGrown}) is such a removal, with its check.
 * On stores that reject a write whose ETag names a key deleted since (state.in-memory,
 * state.postgresql v1), an update that keeps the indexed values it read skips both steps: it
 * writes with the ETag of the entity it read, so a removal's check that ran between its read
 * and its write saw that entity, with all its entries, and put back what it removed; a check
 * before its read was followed by the write it read, whose save checked after writing (or was
 * such an update itself). A save that changes an indexed value always checks after writing,
 * even when the shards it read held all its entries: a concurrent change written before its
 * read can still remove one of them, and that change's check, made before its write, did not
 * see the value it restores.
 * Why an update of an existing entity, not read just before by findById, takes two calls at
 * least: its write must not recreate an entity that a concurrent delete removed together with
 * its entries after the delete's check (the entity would then be stored without entries). Dapr
 * has no "write only if the key exists" other than an ETag, and an ETag costs a read (one call
 * before the write); the other way round, a blind write followed by the check of its entries is
 * two calls too, and leaves the recreated entity out of the index if the process stops between
 * them. On state.redis, where an ETag does not stop that write, the check after the write is
 * needed anyway, and the read before it (entity and shards in one bulk get) is the step that
 * puts the id in place before the write, so that no stop leaves a stored entity unindexed:
 * three calls. A save right after findById is one call where ETags guard deletes (above).
 * State transactions are deliberately not used to couple the entity and its index entries: on
 * {@code state.redis} an operation whose ETag is stale fails while the other operations of the
 * transaction are still applied, so a transaction would not keep the index and the data in
 * agreement there, and the protocol above needs no atomicity from the store.
 */
@NullMarked
package dev.daprspring.data.index;

import org.jspecify.annotations.NullMarked;
