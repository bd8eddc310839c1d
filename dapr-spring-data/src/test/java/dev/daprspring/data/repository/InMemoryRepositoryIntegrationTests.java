package dev.daprspring.data.repository;

import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The repository contract on state.in-memory (real daprd), and the transaction errors that do
 * not depend on the store.
 */
class InMemoryRepositoryIntegrationTests extends RepositoryContract {

	@Override
	String store() {
		return "memory";
	}

	@Override
	boolean etagsGuardDeletes() {
		return true;
	}

	@Override
	boolean allOrNothingTransactions() {
		return true;
	}

	@Test
	void aTransactionThatWritesToTwoStoresFailsAndWritesNothing() {
		NoteRepository notes = this.context.getBean(NoteRepository.class);
		notes.deleteById("two-stores");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> this.transactions.run(() -> {
			this.orders.save(new Order("two-stores", "c", "NEW", 1, 1));
			notes.save(new Note("two-stores", "hello"));
		}))
			.withMessageContaining("Saving 'note:two-stores' in state store 'redis'")
			.withMessageContaining("this transaction already writes to state store 'memory' (Saving 'order:two-stores')")
			.withMessageContaining("A Dapr state transaction covers one store");
		assertThat(this.orders.existsById("two-stores")).isFalse();
		assertThat(notes.existsById("two-stores")).isFalse();
	}

	@Test
	void aReadOnlyTransactionReadsButDoesNotWrite() {
		this.orders.save(new Order("ro-1", "c", "NEW", 1, 1));
		this.transactions.readOnly(() -> assertThat(this.orders.findById("ro-1")).isPresent());
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.transactions.readOnly(() -> this.orders.deleteById("ro-1")))
			.withMessageContaining("Deleting 'order:ro-1' in state store 'memory' inside a read-only transaction")
			.withMessageContaining("remove readOnly = true");
		assertThat(this.orders.existsById("ro-1")).isTrue();
	}

}
