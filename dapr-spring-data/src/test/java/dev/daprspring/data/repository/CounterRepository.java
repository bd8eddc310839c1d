package dev.daprspring.data.repository;

import org.springframework.data.repository.CrudRepository;

@DaprStateRepository
public interface CounterRepository extends CrudRepository<Counter, Long> {

	void deleteByValueLessThan(long value);

}
