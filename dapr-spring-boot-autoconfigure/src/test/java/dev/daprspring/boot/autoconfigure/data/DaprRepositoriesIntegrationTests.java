package dev.daprspring.boot.autoconfigure.data;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.autoconfigure.data.app.Book;
import dev.daprspring.boot.autoconfigure.data.app.BookRepository;
import dev.daprspring.boot.autoconfigure.data.app.BooksApplication;
import dev.daprspring.boot.autoconfigure.data.app.Library;
import dev.daprspring.boot.sidecar.DaprSidecar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A Spring Boot application whose only Dapr code is a {@code @DaprStateRepository}, with
 * its own real daprd ({@code dapr.sidecar.launch=always}, in-memory {@code statestore}).
 */
@SpringBootTest(classes = BooksApplication.class, properties = "dapr.sidecar.launch=always")
class DaprRepositoriesIntegrationTests {

	@Autowired
	BookRepository books;

	@Autowired
	DaprSidecar sidecar;

	@Autowired
	Library library;

	@Test
	void transactionalMethodsCommitOrRollBackTheirRepositoryWrites() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.library.shelve(List.of(new Book("t-1", "Ulysses", "Joyce")), true));
		assertThat(this.books.existsById("t-1")).isFalse();
		this.library.shelve(List.of(new Book("t-2", "Dubliners", "Joyce"), new Book("t-3", "Emma", "Austen")), false);
		assertThat(this.books.findAllById(List.of("t-2", "t-3"))).hasSize(2);
		this.books.deleteAllById(List.of("t-2", "t-3"));
	}

	@Test
	void theRepositorySavesAndFindsByADerivedQuery() throws Exception {
		this.books.saveAll(List.of(new Book("1", "Emma", "Austen"), new Book("2", "Dracula", "Stoker"),
				new Book("3", "Persuasion", "Austen")));
		assertThat(this.books.findByAuthorOrderByTitle("Austen")).extracting(Book::getTitle)
			.containsExactly("Emma", "Persuasion");
		assertThat(this.books.findById("2")).hasValueSatisfying((b) -> assertThat(b.getAuthor()).isEqualTo("Stoker"));
		assertThat(this.books.count()).isEqualTo(3);
		// Stored at <keyspace>:<id> in the default state store, as plain JSON.
		HttpResponse<String> stored = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.sidecar.httpEndpoint() + "/v1.0/state/statestore/book:3"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(JsonMapper.builder().build().readTree(stored.body()).path("title").asString())
			.isEqualTo("Persuasion");
	}

}
