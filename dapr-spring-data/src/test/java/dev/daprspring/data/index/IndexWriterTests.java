package dev.daprspring.data.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.state.StateEntry;
import dev.daprspring.data.mapping.DaprMappingContext;
import dev.daprspring.data.repository.Order;
import org.springframework.dao.TransientDataAccessResourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The index protocol's steps ({@link IndexWriter}) against a state store in memory.
 */
class IndexWriterTests {

	private final FakeStateOperations state = new FakeStateOperations();

	private final DaprMappingContext mappingContext = new DaprMappingContext();

	private final IndexWriter writer = new IndexWriter(this.state, JsonMapper.builder().build(), this.mappingContext);

	private final KeyspaceIndex index = new KeyspaceIndex(this.state, "order");

	@Test
	void removeTakesTheIdsOfAnEntityThatIsGoneOutOfEveryShard() {
		this.index.addAll(this.index.entries("i-1", Map.of("status", "NEW")));
		this.writer.remove(this.index, Order.class, this.index.entries("i-1", Map.of("status", "NEW")));
		assertThat(this.index.allIds()).isEmpty();
		assertThat(this.index.idsWithValues(Map.of("status", "NEW"))).isEmpty();
	}

	@Test
	void removePutsBackTheIdOfAnEntityThatStillHoldsTheValue() {
		this.index.addAll(this.index.entries("i-1", Map.of("status", "NEW")));
		this.state.put("order:i-1", new Order("i-1", "c-1", "NEW", 1, 1));
		this.writer.remove(this.index, Order.class, this.index.entries("i-1", Map.of("status", "NEW")));
		assertThat(this.index.allIds()).containsExactly("i-1");
		assertThat(this.index.idsWithValues(Map.of("status", "NEW"))).containsExactly("i-1");
	}

	@Test
	void removeKeepsTheIdOfAnEntitySavedAgainWhileItsIdWasRemoved() {
		this.index.addAll(this.index.entries("i-1", Map.of("status", "NEW")));
		String newShard = this.index.valueShardKey("status", "NEW", "i-1");
		// Another application saves the entity with the value just before the id leaves the shard.
		this.state.beforeSave((key) -> {
			if (key.equals(newShard) && !this.state.get("order:i-1", String.class).isPresent()) {
				this.state.put("order:i-1", new Order("i-1", "c-1", "NEW", 1, 1));
			}
		});
		this.writer.remove(this.index, Order.class, Map.of(newShard, Set.of("i-1")));
		assertThat(this.index.idsWithValues(Map.of("status", "NEW"))).containsExactly("i-1");
	}

	@Test
	void removeTriesEveryShardAndThrowsTheFirstFailure() {
		this.index.addAll(this.index.entries("i-1", Map.of("status", "NEW")));
		String idShard = this.index.shardKey("i-1");
		this.state.beforeSave((key) -> {
			if (key.equals(idShard)) {
				throw new TransientDataAccessResourceException("sidecar unavailable (test)");
			}
		});
		assertThatExceptionOfType(TransientDataAccessResourceException.class).isThrownBy(
				() -> this.writer.remove(this.index, Order.class, this.index.entries("i-1", Map.of("status", "NEW"))));
		// The id shard could not be changed (readers check the ids it keeps); the value shard was.
		assertThat(this.index.allIds()).containsExactly("i-1");
		assertThat(this.index.idsWithValues(Map.of("status", "NEW"))).isEmpty();
	}

	@Test
	void obsoleteEntriesAreTheShardsOfTheValuesTheEntityNoLongerHolds() {
		Order previous = new Order("i-1", "c-1", "NEW", 1, 1);
		Map<String, Set<String>> obsolete = this.writer.obsoleteEntries(this.index,
				this.mappingContext.metadata(Order.class), "i-1", previous, Map.of("customerId", "c-1", "status", "PAID"));
		assertThat(obsolete).containsExactly(Map.entry(this.index.valueShardKey("status", "NEW", "i-1"), Set.of("i-1")));
		assertThat(this.writer.obsoleteEntries(this.index, this.mappingContext.metadata(Order.class), "i-1", previous,
				Map.of("customerId", "c-1", "status", "NEW"))).isEmpty();
	}

	@Test
	void removeObsoleteLeavesTheEntriesOfTheNewValue() {
		this.index.addAll(this.index.entries("i-1", Map.of("status", "NEW")));
		this.index.addAll(this.index.entries("i-1", Map.of("status", "PAID")));
		this.state.put("order:i-1", new Order("i-1", "c-1", "PAID", 1, 1));
		this.writer.removeObsolete(this.index, Order.class, "i-1", new Order("i-1", "c-1", "NEW", 1, 1),
				Map.of("customerId", "c-1", "status", "PAID"));
		assertThat(this.index.idsWithValues(Map.of("status", "NEW"))).isEmpty();
		assertThat(this.index.idsWithValues(Map.of("status", "PAID"))).containsExactly("i-1");
		assertThat(this.index.allIds()).containsExactly("i-1");
	}

	@Test
	void addBeforeWriteAddsTheIdToEachShardRead() {
		Map<String, Set<String>> entries = this.index.entries("i-1", Map.of("status", "NEW"));
		List<IdShard> read = this.writer.addBeforeWrite(this.index, shards(entries), "i-1");
		assertThat(read).extracting(IdShard::key).containsExactlyElementsOf(entries.keySet());
		assertThat(this.index.allIds()).containsExactly("i-1");
		assertThat(this.index.idsWithValues(Map.of("status", "NEW"))).containsExactly("i-1");
	}

	@Test
	void addBeforeWriteGivesUpWhenAShardChangedSinceItWasRead() {
		Map<String, Set<String>> entries = this.index.entries("i-1", Map.of());
		List<StateEntry<JsonNode>> shards = shards(entries);
		this.index.addAll(this.index.entries("i-2", Map.of()));
		this.index.addAll(Map.of(this.index.shardKey("i-1"), Set.of("other")));
		assertThat(this.writer.addBeforeWrite(this.index, shards, "i-1")).isNull();
		assertThat(this.index.read(this.index.shardKey("i-1")).ids()).doesNotContain("i-1");
	}

	@Test
	void addAfterWriteRestoresAnEntryRemovedMeanwhile() {
		Map<String, Set<String>> entries = this.index.entries("i-1", Map.of("status", "NEW"));
		this.index.addAll(entries);
		this.index.removeAll(Map.of(this.index.shardKey("i-1"), Set.of("i-1")));
		this.writer.addAfterWrite(this.index, entries);
		assertThat(this.index.allIds()).containsExactly("i-1");
	}

	@Test
	void pruneIfGrownRemovesTheIdsOfEntitiesThatAreGoneOnceAShardIsLarge() {
		List<String> ids = idsOfOneShard(IndexWriter.PRUNE_AT);
		String shardKey = this.index.shardKey(ids.get(0));
		this.index.addAll(Map.of(shardKey, new LinkedHashSet<>(ids)));
		this.state.put("order:" + ids.get(0), new Order(ids.get(0), "c-1", "NEW", 1, 1));
		this.writer.pruneIfGrown(this.index, Order.class, List.of(this.index.read(shardKey)));
		assertThat(this.index.read(shardKey).ids()).containsExactly(ids.get(0));
	}

	@Test
	void pruneIfGrownLeavesASmallShard() {
		List<String> ids = idsOfOneShard(IndexWriter.PRUNE_AT - 1);
		String shardKey = this.index.shardKey(ids.get(0));
		this.index.addAll(Map.of(shardKey, new LinkedHashSet<>(ids)));
		int writes = this.state.saved().size();
		this.writer.pruneIfGrown(this.index, Order.class, List.of(this.index.read(shardKey)));
		assertThat(this.index.read(shardKey).ids()).hasSize(IndexWriter.PRUNE_AT - 1);
		assertThat(this.state.saved()).hasSize(writes);
	}

	private List<StateEntry<JsonNode>> shards(Map<String, Set<String>> entries) {
		return this.state.getAll(List.copyOf(entries.keySet()), JsonNode.class);
	}

	// Ids that all fall into the id shard of "i-0".
	private List<String> idsOfOneShard(int count) {
		String shardKey = this.index.shardKey("i-0");
		return IntStream.iterate(0, (i) -> i + 1)
			.mapToObj((i) -> "i-" + i)
			.filter((id) -> this.index.shardKey(id).equals(shardKey))
			.limit(count)
			.toList();
	}

}
