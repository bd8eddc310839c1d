package dev.daprspring.boot.autoconfigure.data.explicit;

import dev.daprspring.data.repository.DaprStateRepository;
import org.springframework.data.repository.CrudRepository;

@DaprStateRepository
public interface NoteRepository extends CrudRepository<Note, String> {

}
