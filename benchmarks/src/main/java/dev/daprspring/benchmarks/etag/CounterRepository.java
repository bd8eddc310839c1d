package dev.daprspring.benchmarks.etag;

import dev.daprspring.data.repository.DaprStateRepository;
import org.springframework.data.repository.CrudRepository;

/** Counters at {@code counter:<id>} in the harness's Redis state store. */
@DaprStateRepository(store = EtagBenchmark.STORE, keyspace = "counter")
public interface CounterRepository extends CrudRepository<Counter, String> {

}
