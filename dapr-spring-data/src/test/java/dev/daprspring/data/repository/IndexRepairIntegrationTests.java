package dev.daprspring.data.repository;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.Faults;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.state.StateOperations;
import dev.daprspring.data.core.DaprKeyValueAdapter;
import dev.daprspring.data.mapping.DaprMappingContext;
import org.springframework.dao.TransientDataAccessResourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The index protocol between two independent adapters (as two applications sharing a state
 * store would have, each with its own caches) on a real daprd, with the sidecar's failures
 * injected between one adapter and the real client; and a keyspace whose entities expire
 * by their TTL, on a daprd with a small {@code --max-body-size}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexRepairIntegrationTests {

	private static final String KEYSPACE = "repair";

	private static final int MAX_BODY_SIZE = 16 * 1024;

	private final JsonMapper json = JsonMapper.builder().build();

	private DaprSidecar sidecar;

	private DaprTransport transport;

	private StateOperations state;

	@BeforeAll
	void start() {
		// A small body limit, so that a shard outgrows it after a few hundred ids.
		this.sidecar = DaprSidecar.builder("index-repair")
			.component(DaprComponents.inMemoryState("memory"))
			.arguments("--max-body-size", MAX_BODY_SIZE + "")
			.start();
		this.transport = new DaprTransport(
				DaprClientOptions.of(this.sidecar.grpcEndpoint(), this.sidecar.httpEndpoint(), null));
		this.state = new DaprTemplate(this.transport, this.json).state("memory");
	}

	@AfterAll
	void stop() {
		this.transport.close();
		this.sidecar.close();
	}

	@Test
	void anEntitySavedByAnotherAppDuringADeleteWhoseIndexRemovalFailsStaysFindable() {
		DaprKeyValueAdapter other = adapter(this.state);
		AtomicBoolean valueShardsFail = new AtomicBoolean();
		// The deleting app's sidecar fails on value shards; the other app saves the entity again
		// right after the delete, before the deleting app removes the id from the index.
		DaprKeyValueAdapter deleting = adapter(Faults.proxy(StateOperations.class, (proxy, method, args) -> {
			if (valueShardsFail.get() && method.getName().equals("save") && args[0].toString().contains(":__idx:")) {
				throw new TransientDataAccessResourceException("sidecar unavailable (test)");
			}
			Object result = Faults.call(this.state, method, args);
			if (valueShardsFail.get() && method.getName().equals("delete") && args.length == 1) {
				other.put("o-1", new Order("o-1", "c-1", "NEW", 5, 1), KEYSPACE);
			}
			return result;
		}));
		deleting.put("o-1", new Order("o-1", "c-1", "NEW", 5, 1), KEYSPACE);
		valueShardsFail.set(true);
		assertThatExceptionOfType(TransientDataAccessResourceException.class)
			.isThrownBy(() -> deleting.delete("o-1", KEYSPACE, Order.class));
		valueShardsFail.set(false);
		assertThat(this.state.get(KEYSPACE + ":o-1", Order.class)).isPresent();
		assertThat(ids(adapter(this.state).getAllOf(KEYSPACE, Order.class))).contains("o-1");
	}

	/**
	 * Two applications on a store whose ETags guard deletes: one changes the status of an order
	 * from NEW (to PAID, or to none); the other saves it with NEW again, having read the entity
	 * after the change was written but the NEW shard before the change removed the id from it,
	 * and writes after the change checked the entity (which then held the new status). The
	 * restoring save must check its entries after writing: its ETag says nothing about a removal
	 * whose entity write came before its read.
	 */
	@ParameterizedTest
	@NullSource
	@ValueSource(strings = "PAID")
	void aSaveThatRestoresAValueAConcurrentChangeIsRemovingKeepsItsIndexEntry(String changedTo) throws Exception {
		String newShard = KEYSPACE + ":__idx:status:NEW:";
		String key = KEYSPACE + ":o-2";
		this.state.delete(key);
		AtomicBoolean racing = new AtomicBoolean();
		CountDownLatch restorerRead = new CountDownLatch(1);
		CountDownLatch changerChecked = new CountDownLatch(1);
		AtomicBoolean removed = new AtomicBoolean();
		AtomicReference<DaprKeyValueAdapter> restorer = new AtomicReference<>();
		AtomicReference<CompletableFuture<Object>> restore = new AtomicReference<>();
		DaprKeyValueAdapter changer = adapter(Faults.proxy(StateOperations.class, (proxy, method, args) -> {
			if (method.getName().equals("save") && args[0].toString().startsWith(newShard) && racing.compareAndSet(false, true)) {
				// About to remove the id from the NEW shard: the other application saves NEW now.
				restore.set(CompletableFuture.supplyAsync(
						() -> restorer.get().put("o-2", new Order("o-2", "c-1", "NEW", 3, 1), KEYSPACE)));
				assertThat(restorerRead.await(10, TimeUnit.SECONDS)).as("the restoring save read the shards").isTrue();
				Object result = Faults.call(this.state, method, args);
				removed.set(true);
				return result;
			}
			Object result = Faults.call(this.state, method, args);
			if (removed.get() && method.getName().equals("getAll") && ((Collection<?>) args[0]).contains(key)) {
				changerChecked.countDown();
			}
			return result;
		}));
		restorer.set(adapter(Faults.proxy(StateOperations.class, (proxy, method, args) -> {
			if (racing.get() && method.getName().equals("save") && args[0].equals(key)) {
				assertThat(changerChecked.await(10, TimeUnit.SECONDS)).as("the change checked the entity").isTrue();
			}
			Object result = Faults.call(this.state, method, args);
			if (racing.get() && method.getName().equals("getAll")
					&& ((Collection<?>) args[0]).stream().anyMatch((k) -> k.toString().startsWith(newShard))) {
				restorerRead.countDown();
			}
			return result;
		})));
		changer.setEtagsGuardDeletes(true);
		restorer.get().setEtagsGuardDeletes(true);
		restorer.get().put("o-2", new Order("o-2", "c-1", "NEW", 1, 1), KEYSPACE);
		changer.put("o-2", new Order("o-2", "c-1", changedTo, 2, 1), KEYSPACE);
		restore.get().get(20, TimeUnit.SECONDS);
		assertThat(this.state.get(key, Order.class)).hasValueSatisfying((o) -> assertThat(o.getStatus()).isEqualTo("NEW"));
		// What findByStatus("NEW") reads, by a third application.
		assertThat(adapter(this.state).indexedIds(KEYSPACE, "status", "NEW")).contains("o-2");
		assertThat(adapter(this.state).indexedIds(KEYSPACE)).contains("o-2");
	}

	@Test
	void idsOfEntitiesExpiredByTheirTtlArePrunedSoAShardWithChurnNeverOutgrowsTheBodyLimit() {
		DaprKeyValueAdapter adapter = adapter(this.state);
		List<UUID> ids = idsOfShardZero(8 * 200);
		// Rounds of 200 sessions living one second: 1,600 ids would make shard 0 about 60 KB.
		for (int round = 0; round < 8; round++) {
			List<UUID> batch = ids.subList(round * 200, (round + 1) * 200);
			for (UUID id : batch) {
				Session session = new Session("user", Duration.ofSeconds(1));
				session.setId(id);
				adapter.put(id, session, "sessions");
			}
			String last = "sessions:" + batch.get(batch.size() - 1);
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> this.state.get(last, String.class).isEmpty());
		}
		String shard = this.state.get("sessions:__ids:0", String.class).orElse("[]");
		assertThat(shard.length()).isLessThan(MAX_BODY_SIZE);
		assertThat(adapter.getAllOf("sessions", Session.class)).isEmpty();
	}

	private static List<UUID> idsOfShardZero(int count) {
		List<UUID> ids = new java.util.ArrayList<>();
		while (ids.size() < count) {
			UUID id = UUID.randomUUID();
			if (Math.floorMod(id.toString().hashCode(), 16) == 0) {
				ids.add(id);
			}
		}
		return ids;
	}

	private DaprKeyValueAdapter adapter(StateOperations operations) {
		return new DaprKeyValueAdapter(operations, this.json, new DaprMappingContext());
	}

	private static List<String> ids(Iterable<Order> orders) {
		List<String> ids = new java.util.ArrayList<>();
		orders.forEach((order) -> ids.add(order.getId()));
		return ids;
	}

}
