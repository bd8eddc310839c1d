package dev.daprspring.data.repository;

import org.springframework.data.repository.CrudRepository;

@DaprStateRepository(store = "redis")
public interface NoteRepository extends CrudRepository<Note, String> {

}
