package dev.daprspring.boot.autoconfigure.data.app;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Shelves books in one transaction. */
@Service
public class Library {

	private final BookRepository books;

	public Library(BookRepository books) {
		this.books = books;
	}

	@Transactional
	public void shelve(List<Book> shelved, boolean fail) {
		this.books.saveAll(shelved);
		if (fail) {
			throw new IllegalStateException("shelf collapsed");
		}
	}

}
