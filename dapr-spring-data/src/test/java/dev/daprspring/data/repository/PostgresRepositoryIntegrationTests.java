package dev.daprspring.data.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.state.StateEntry;
import dev.daprspring.core.state.StateOperations;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository contract on state.postgresql v1 (real daprd), whose derived queries go to the
 * state query API.
 */
class PostgresRepositoryIntegrationTests extends RepositoryContract {

	@Override
	String store() {
		return "postgres";
	}

	@Override
	boolean etagsGuardDeletes() {
		return true;
	}

	@Override
	boolean allOrNothingTransactions() {
		return true;
	}

	/** The store has the query API: keyspaces are enumerated and queried through it. */
	@Override
	boolean keepsIndex() {
		return false;
	}

	/** Here the store filters: it sees an entity written past the repository's indexes. */
	@Override
	@Test
	void equalityQueriesOnIndexedPropertiesReadOnlyTheEntitiesTheIndexNames() {
		this.orders.saveAll(List.of(new Order("q-1", "ann", "PAID", 1, 1), new Order("q-2", "bob", "NEW", 2, 2)));
		this.dapr.state(store()).save("order:q-2", new Order("q-2", "bob", "PAID", 2, 2));
		assertThat(this.orders.findByStatus("PAID")).extracting(Order::getId).containsExactlyInAnyOrder("q-1", "q-2");
		assertThat(this.orders.findByStatus("NEW")).isEmpty();
	}

	@Test
	void derivedQueriesWithEqualitiesOnTextGoToTheStateQueryApi() {
		this.orders.saveAll(List.of(new Order("a-1", "ann", "NEW", 1, 1), new Order("a-2", "bob", "PAID", 2, 2)));
		// Written past the repository (in no index): only the store's own query finds it.
		this.dapr.state(store()).save("order:planted", new Order("planted", "zed", "PLANTED", 3, 3));
		// Another keyspace with the same property: the query API returns it, the repository drops it.
		this.dapr.state(store()).save("elsewhere:1", Map.of("id", "1", "status", "PLANTED"));
		assertThat(this.orders.findByStatus("PLANTED")).extracting(Order::getId).containsExactly("planted");
		assertThat(this.orders.countByStatus("PLANTED")).isEqualTo(1);
		assertThat(this.orders.existsByStatus("PLANTED")).isTrue();
		assertThat(this.orders.findByStatusIn(List.of("PLANTED", "NEW"))).extracting(Order::getId)
			.containsExactlyInAnyOrder("planted", "a-1");
		assertThat(this.orders.findByCustomerIdAndStatusOrderByCreatedAtDesc("zed", "PLANTED")).extracting(Order::getId)
			.containsExactly("planted");
		// Not expressible in the query API (IgnoreCase, a range): the keyspace, read through the
		// query API, filtered in memory; it holds the planted entity too (the store keeps no index).
		assertThat(this.orders.findByStatusIgnoreCase("planted")).extracting(Order::getId).containsExactly("planted");
		assertThat(this.orders.findByTotalGreaterThan(2)).extracting(Order::getId).containsExactly("planted");
		// Inside a transaction queries see the transaction's writes: the keyspace with them, filtered in memory.
		this.transactions.run(() -> {
			this.orders.save(new Order("a-3", "cy", "PLANTED", 4, 4));
			assertThat(this.orders.findByStatus("PLANTED")).extracting(Order::getId)
				.containsExactlyInAnyOrder("planted", "a-3");
			this.orders.deleteById("planted");
			assertThat(this.orders.findByStatus("PLANTED")).extracting(Order::getId).containsExactly("a-3");
		});
		assertThat(this.orders.findByStatus("PLANTED")).extracting(Order::getId).containsExactly("a-3");
		this.orders.deleteById("a-3");
		this.dapr.state(store()).delete("elsewhere:1");
		assertThat(this.orders.findByStatus("PLANTED")).isEmpty();
	}

	@Test
	void anotherApplicationsEntitiesAtTheSameKeysAreNotThisApplicationsEntities() {
		DaprSidecar other = RepositorySidecar.otherApp();
		try (DaprTransport otherTransport = new DaprTransport(
				DaprClientOptions.of(other.grpcEndpoint(), other.httpEndpoint(), null))) {
			StateOperations foreign = new DaprTemplate(otherTransport, json).state(store());
			this.orders.save(new Order("shared", "ann", "NEW", 1, 1));
			foreign.save("order:shared", new Order("shared", "zed", "FOREIGN", 7, 7));
			foreign.save("order:foreign-1", new Order("foreign-1", "zed", "FOREIGN", 8, 8));
			// What the store does: its query API returns the other app's rows, under our keys.
			assertThat(queriedKeys("status", "FOREIGN")).contains("order:shared", "order:foreign-1");
			// What the repository makes of it: only this application's entities.
			assertThat(this.orders.findAll()).extracting(Order::getCustomerId).containsExactly("ann");
			assertThat(this.orders.count()).isEqualTo(1);
			assertThat(this.orders.findByStatus("FOREIGN")).isEmpty();
			assertThat(this.orders.findByTotalGreaterThan(5)).isEmpty();
			assertThat(this.orders.findByStatus("NEW")).extracting(Order::getCustomerId).containsExactly("ann");
			this.orders.deleteAll();
			assertThat(foreign.get("order:foreign-1", Order.class)).isPresent();
			foreign.delete("order:shared");
			foreign.delete("order:foreign-1");
		}
	}

	@Test
	void enumerationFindsEveryEntityWhenOtherKeyspacesHoldTheSameIds() {
		List<Order> many = new ArrayList<>();
		Map<String, Order> mirrored = new java.util.LinkedHashMap<>();
		for (int i = 0; i < 1200; i++) {
			Order order = new Order("m-" + i, "c", "NEW", i, i);
			many.add(order);
			mirrored.put("mirror:m-" + i, order);
			mirrored.put("mirror2:m-" + i, order);
		}
		this.orders.saveAll(many);
		// The same JSON, ids included, in two other keyspaces: ties for any order by id, which a
		// page boundary (every 500 rows) splits.
		this.dapr.state(store()).saveAll(mirrored);
		try {
			assertThat(this.orders.count()).isEqualTo(1200);
			assertThat(this.orders.findAll()).extracting(Order::getId)
				.containsExactlyInAnyOrderElementsOf(many.stream().map(Order::getId).toList());
			assertThat(this.orders.findAll(PageRequest.of(59, 20)).getContent()).hasSize(20);
			// A derived query the query API answers, over the same ties.
			assertThat(this.orders.findByStatus("NEW")).hasSize(1200);
			assertThat(this.orders.countByStatus("NEW")).isEqualTo(1200);
			// And a page of it in a pushed order (text): the last page is complete, ids unique.
			Page<Order> last = this.orders.findByStatus("NEW", PageRequest.of(59, 20, Sort.by("customerId")));
			assertThat(last.getContent()).extracting(Order::getId).doesNotHaveDuplicates().hasSize(20);
			assertThat(last.getTotalElements()).isEqualTo(1200);
		}
		finally {
			this.dapr.state(store()).transaction((tx) -> mirrored.keySet().forEach(tx::delete));
		}
	}

	@Test
	void anExpiredEntityIsNotFoundThoughTheQueryApi() throws Exception {
		Session expiring = this.sessions.save(new Session("ttl-probe", Duration.ofSeconds(1)));
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.sessions.existsById(expiring.getId()) && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(this.sessions.existsById(expiring.getId())).isFalse();
		// What the store does: its query API still returns the row until the cleanup deletes it.
		assertThat(queriedKeys("user", "ttl-probe")).containsExactly("session:" + expiring.getId());
		// What the repository makes of it: the bulk read of the candidates skips it.
		assertThat(this.sessions.findAll()).extracting(Session::getUser).doesNotContain("ttl-probe");
	}

	@Test
	void aTextSortAndPagingGoToTheStateQueryApi() {
		List<Order> many = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			many.add(new Order("pg-" + i, "c-%02d".formatted(i), "PG", 30 - i, i));
		}
		this.orders.saveAll(many);
		Page<Order> page = this.orders.findByStatus("PG", PageRequest.of(2, 5, Sort.by(Sort.Direction.DESC, "customerId")));
		assertThat(page.getContent()).extracting(Order::getCustomerId)
			.containsExactly("c-19", "c-18", "c-17", "c-16", "c-15");
		assertThat(page.getTotalElements()).isEqualTo(30);
		// A number is sorted in memory (the database would order its JSON text).
		Page<Order> byTotal = this.orders.findByStatus("PG", PageRequest.of(0, 3, Sort.by("total")));
		assertThat(byTotal.getContent()).extracting(Order::getTotal).containsExactly(1, 2, 3);
	}

	// The keys the store's query API returns for an equality, as it returns them.
	private List<String> queriedKeys(String property, String value) {
		return this.dapr.state(store())
			.query(Map.of("filter", Map.of("EQ", Map.of(property, value))), JsonNode.class)
			.results()
			.stream()
			.map(StateEntry::key)
			.toList();
	}

}
