package dev.daprspring.data.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.daprspring.core.state.SaveOptions;
import dev.daprspring.core.state.StateEntry;
import dev.daprspring.core.state.StateTransaction;
import dev.daprspring.data.core.StateTransactionBuffer.Seen;
import dev.daprspring.data.core.StateTransactionBuffer.Write;
import dev.daprspring.data.index.IndexWriter;
import dev.daprspring.data.index.KeyspaceIndex;
import dev.daprspring.data.mapping.DaprEntityMetadata;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Writes the buffer of a transaction to its state store as one state transaction.
 *
 * <p>The commit first reads every entity the transaction read and writes, and rolls back with
 * nothing written if one of them changed since (state.redis applies the other operations of a
 * transaction when one of them has a stale ETag, so the check must come first there). Then it
 * adds the ids of the saved entities to the keyspace index, commits the entities in one state
 * transaction, each with the ETag the transaction first saw, and at last removes the ids of the
 * deleted ones. The index is kept outside the state transaction, as outside transactions, so
 * that it holds every stored entity on every store whatever the transaction does. A store with
 * the state query API keeps no index: there the commit is the check and the state transaction.
 */
final class TransactionCommitter implements StateTransactionBuffer.Committer {

	private final StoreContext store;

	private final IndexWriter indexWriter;

	TransactionCommitter(StoreContext store, IndexWriter indexWriter) {
		this.store = store;
		this.indexWriter = indexWriter;
	}

	@Override
	public String storeName() {
		return this.store.storeName();
	}

	@Override
	public void commit(StateTransactionBuffer tx) {
		List<Write> writes = tx.writes();
		String store = storeName();
		// One read of everything written: the ETag check, and the indexed values being replaced.
		List<StateEntry<JsonNode>> stored = this.store.state().getAll(writes.stream().map(Write::key).toList(),
				JsonNode.class);
		List<String> stale = changedSinceRead(tx, stored);
		if (!stale.isEmpty()) {
			throw conflict(stale, "nothing was written");
		}
		Map<String, Map<String, Set<String>>> added = new LinkedHashMap<>();
		Map<String, Map<String, Set<String>>> obsolete = new LinkedHashMap<>();
		// A store that keeps no index (it has the query API) needs only the ETag check.
		for (int i = 0; this.store.keepsIndex() && i < writes.size(); i++) {
			Write write = writes.get(i);
			KeyspaceIndex index = this.store.index(write.keyspace());
			DaprEntityMetadata entity = this.store.metadata(write.type());
			// Only indexed values need the previous entity.
			Object previous = (stored.get(i).exists() && entity.hasIndexes())
					? this.store.json().treeToValue(stored.get(i).value(), write.type()) : null;
			Map<String, Set<String>> removed = obsolete.computeIfAbsent(write.keyspace(), (k) -> new LinkedHashMap<>());
			if (write.isDelete()) {
				Map<String, String> values = (previous != null) ? entity.indexedValues(previous) : Map.of();
				KeyspaceIndex.merge(removed, index.entries(write.id(), values));
				continue;
			}
			KeyspaceIndex.merge(added.computeIfAbsent(write.keyspace(), (k) -> new LinkedHashMap<>()),
					index.entries(write.id(), write.values()));
			if (previous != null) {
				KeyspaceIndex.merge(removed,
						this.indexWriter.obsoleteEntries(index, entity, write.id(), previous, write.values()));
			}
		}
		added.forEach((keyspace, entries) -> this.store.index(keyspace).addAll(entries));
		StateTransaction transaction = new StateTransaction();
		for (Write write : writes) {
			Seen seen = tx.seen(store, write.key());
			String etag = (seen != null && seen.exists()) ? seen.etag() : null;
			if (write.isDelete()) {
				transaction.delete(write.key(), etag);
				continue;
			}
			// Read before: its ETag, or (read as absent) created only if still absent.
			SaveOptions options = (seen != null) ? EntityWriter.FIRST_WRITE.withEtag(etag) : SaveOptions.none();
			Duration ttl = write.ttl();
			transaction.upsert(write.key(), write.value(), (ttl != null) ? options.withTtl(ttl) : options);
		}
		try {
			this.store.state().execute(transaction);
		}
		catch (DataAccessException ex) {
			List<String> changed = changedSinceRead(tx,
					this.store.state().getAll(writes.stream().map(Write::key).toList(), JsonNode.class));
			if (ex instanceof OptimisticLockingFailureException || !changed.isEmpty()) {
				throw conflict(changed, "the store rejected the state transaction (on state.redis the operations "
						+ "without a conflict may have been applied, see the README)", ex);
			}
			throw ex;
		}
		finally {
			// A concurrent delete may have removed a saved entry between adding it and the commit.
			added.forEach((keyspace, entries) -> this.indexWriter.addAfterWrite(this.store.index(keyspace), entries));
		}
		if (this.store.usesQueryApi()) {
			storeAsDocuments(writes);
		}
		obsolete.forEach((keyspace, entries) -> {
			if (!entries.isEmpty()) {
				this.indexWriter.remove(this.store.index(keyspace), typeIn(writes, keyspace), entries);
			}
		});
	}

	/**
	 * Writes the saved entities again, one by one, so that the state query API sees them: daprd
	 * hands the values of a gRPC state transaction to the store as bytes, which state.postgresql
	 * v1 keeps as binary rather than as a JSON document. Each is written only if it still holds
	 * what the transaction wrote (its ETag then guards the write).
	 */
	private void storeAsDocuments(List<Write> writes) {
		List<Write> saved = writes.stream().filter((w) -> !w.isDelete()).toList();
		// As text: JSON numbers read back may be of another node type than those written.
		List<StateEntry<String>> now = this.store.state().getAll(saved.stream().map(Write::key).toList(), String.class);
		for (int i = 0; i < saved.size(); i++) {
			Write write = saved.get(i);
			StateEntry<String> entry = now.get(i);
			if (entry.exists() && entry.etag() != null
					&& Objects.equals(entry.value(), this.store.json().writeValueAsString(write.value()))) {
				SaveOptions options = EntityWriter.FIRST_WRITE.withEtag(entry.etag());
				Duration ttl = write.ttl();
				try {
					this.store.state().save(write.key(), write.value(), (ttl != null) ? options.withTtl(ttl) : options);
				}
				catch (OptimisticLockingFailureException ex) {
					// Written by someone else since: theirs stands.
				}
			}
		}
	}

	/** The keys the transaction read whose ETag is no longer the one it read. */
	private List<String> changedSinceRead(StateTransactionBuffer tx, List<StateEntry<JsonNode>> now) {
		String store = storeName();
		List<String> changed = new ArrayList<>();
		for (StateEntry<JsonNode> entry : now) {
			Seen seen = tx.seen(store, entry.key());
			if (seen != null && (seen.exists() != entry.exists()
					|| (seen.exists() && !Objects.equals(seen.etag(), entry.etag())))) {
				changed.add(entry.key());
			}
		}
		return changed;
	}

	private static Class<?> typeIn(List<Write> writes, String keyspace) {
		return writes.stream().filter((w) -> w.keyspace().equals(keyspace)).findFirst().orElseThrow().type();
	}

	private OptimisticLockingFailureException conflict(List<String> keys, String outcome) {
		return conflict(keys, outcome, null);
	}

	private OptimisticLockingFailureException conflict(List<String> keys, String outcome, @Nullable Throwable cause) {
		String which = keys.isEmpty() ? "an entity it writes was" : "entities " + keys + " were";
		return new OptimisticLockingFailureException("Transaction on state store '" + storeName()
				+ "' rolled back: " + which + " changed by someone else after the transaction read them; " + outcome
				+ ". Run the transaction again.", cause);
	}

}
