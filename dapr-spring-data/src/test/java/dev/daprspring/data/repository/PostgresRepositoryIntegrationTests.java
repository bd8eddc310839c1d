package dev.daprspring.data.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
		// Not expressible in the query API (IgnoreCase, a range): read through the indexes as elsewhere.
		assertThat(this.orders.findByStatusIgnoreCase("planted")).isEmpty();
		assertThat(this.orders.findByTotalGreaterThan(2)).isEmpty();
		// Inside a transaction queries see the transaction's writes, so they use the indexes.
		this.transactions.run(() -> assertThat(this.orders.findByStatus("PLANTED")).isEmpty());
		this.orders.deleteById("planted");
		this.dapr.state(store()).delete("elsewhere:1");
		assertThat(this.orders.findByStatus("PLANTED")).isEmpty();
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

}
