package dev.daprspring.boot.autoconfigure.badinput.startup.unreachable;

import dev.daprspring.data.repository.DaprStateRepository;
import org.springframework.data.repository.CrudRepository;

@DaprStateRepository
public interface NoteRepository extends CrudRepository<Note, String> {

}
