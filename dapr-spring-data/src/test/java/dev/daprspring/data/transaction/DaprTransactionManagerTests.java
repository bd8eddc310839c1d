package dev.daprspring.data.transaction;

import org.junit.jupiter.api.Test;

import dev.daprspring.data.core.StateTransactionBuffer;
import org.springframework.transaction.InvalidIsolationLevelException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The transaction manager's life cycle, without a sidecar (no repository writes here).
 */
class DaprTransactionManagerTests {

	private final DaprTransactionManager manager = new DaprTransactionManager();

	@Test
	void aTransactionBindsABufferToTheThreadUntilItCompletes() {
		assertThat(StateTransactionBuffer.current()).isNull();
		new TransactionTemplate(this.manager).executeWithoutResult((status) -> {
			StateTransactionBuffer outer = StateTransactionBuffer.current();
			assertThat(outer).isNotNull();
			TransactionTemplate inner = new TransactionTemplate(this.manager);
			inner.executeWithoutResult((s) -> assertThat(StateTransactionBuffer.current()).isSameAs(outer));
			inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			inner.executeWithoutResult((s) -> assertThat(StateTransactionBuffer.current()).isNotNull().isNotSameAs(outer));
			assertThat(StateTransactionBuffer.current()).isSameAs(outer);
		});
		assertThat(StateTransactionBuffer.current()).isNull();
	}

	@Test
	void anInnerRollbackMakesTheOuterTransactionRollBack() {
		assertThatExceptionOfType(UnexpectedRollbackException.class)
			.isThrownBy(() -> new TransactionTemplate(this.manager).executeWithoutResult(
					(status) -> new TransactionTemplate(this.manager).executeWithoutResult((inner) -> inner.setRollbackOnly())));
		assertThat(StateTransactionBuffer.current()).isNull();
	}

	@Test
	void anIsolationLevelIsRefused() {
		TransactionTemplate serializable = new TransactionTemplate(this.manager);
		serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
		assertThatExceptionOfType(InvalidIsolationLevelException.class)
			.isThrownBy(() -> serializable.executeWithoutResult((status) -> {
			}))
			.withMessageContaining("Dapr state transactions have none (use the default)");
		assertThat(StateTransactionBuffer.current()).isNull();
	}

	@Test
	void nestedTransactionsAreRefused() {
		TransactionTemplate nested = new TransactionTemplate(this.manager);
		nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		assertThatExceptionOfType(NestedTransactionNotSupportedException.class).isThrownBy(
				() -> new TransactionTemplate(this.manager).executeWithoutResult((status) -> nested.executeWithoutResult((s) -> {
				})));
	}

}
