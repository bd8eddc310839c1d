package dev.daprspring.data.repository;

import org.springframework.data.repository.CrudRepository;

/** Without {@code @DaprStateRepository}: must not become a Dapr repository. */
public interface NotADaprRepository extends CrudRepository<Order, String> {

}
