package dev.daprspring.data.repository;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

@DaprStateRepository
public interface SessionRepository extends ListCrudRepository<Session, UUID> {

}
