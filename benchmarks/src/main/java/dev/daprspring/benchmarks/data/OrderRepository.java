package dev.daprspring.benchmarks.data;

import dev.daprspring.data.repository.DaprStateRepository;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

/** The repository under test: entities at {@code order:<id>} in the benchmark's state store. */
@DaprStateRepository(store = DataBenchmark.STORE, keyspace = DataBenchmark.KEYSPACE)
public interface OrderRepository extends ListCrudRepository<Order, String>, ListPagingAndSortingRepository<Order, String> {

}
