package dev.daprspring.boot.autoconfigure.data.app;

import java.util.List;

import dev.daprspring.data.repository.DaprStateRepository;
import org.springframework.data.repository.ListCrudRepository;

@DaprStateRepository
public interface BookRepository extends ListCrudRepository<Book, String> {

	List<Book> findByAuthorOrderByTitle(String author);

}
