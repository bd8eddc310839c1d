package dev.daprspring.data.repository;

import org.springframework.data.repository.ListCrudRepository;

@DaprStateRepository
public interface AccountRepository extends ListCrudRepository<Account, String> {

}
