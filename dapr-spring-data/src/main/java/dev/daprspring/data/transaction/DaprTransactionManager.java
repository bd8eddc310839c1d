package dev.daprspring.data.transaction;

import org.jspecify.annotations.Nullable;

import dev.daprspring.data.core.StateTransactionBuffer;
import org.springframework.transaction.InvalidIsolationLevelException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.SmartTransactionObject;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A transaction manager for Dapr repositories. Inside a transaction, repository saves and
 * deletes are held back and reads see them; on commit they are written to their state store
 * as one state transaction, each entity guarded by the ETag the transaction first read it
 * with, so that a change made by someone else in between rolls the whole transaction back
 * with an {@link org.springframework.dao.OptimisticLockingFailureException}. A transaction
 * writes to one state store. Nested transactions (savepoints) and isolation levels are not
 * supported; {@code REQUIRES_NEW} suspends the outer transaction's writes.
 */
public class DaprTransactionManager extends AbstractPlatformTransactionManager {

	public DaprTransactionManager() {
		// Nothing is written before commit, so a failed commit has nothing left to roll back.
		setRollbackOnCommitFailure(false);
	}

	@Override
	protected Object doGetTransaction() {
		return new DaprTransaction(StateTransactionBuffer.current());
	}

	@Override
	protected boolean isExistingTransaction(Object transaction) {
		return ((DaprTransaction) transaction).buffer != null;
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		if (definition.getIsolationLevel() != TransactionDefinition.ISOLATION_DEFAULT) {
			throw new InvalidIsolationLevelException("Transaction '" + definition.getName()
					+ "' asks for an isolation level; Dapr state transactions have none (use the default): "
					+ "writes are committed together, guarded by the ETags the transaction read");
		}
		StateTransactionBuffer buffer = new StateTransactionBuffer(definition.isReadOnly());
		((DaprTransaction) transaction).buffer = buffer;
		TransactionSynchronizationManager.bindResource(StateTransactionBuffer.RESOURCE_KEY, buffer);
	}

	@Override
	protected Object doSuspend(Object transaction) {
		((DaprTransaction) transaction).buffer = null;
		return TransactionSynchronizationManager.unbindResource(StateTransactionBuffer.RESOURCE_KEY);
	}

	@Override
	protected void doResume(@Nullable Object transaction, Object suspendedResources) {
		TransactionSynchronizationManager.bindResource(StateTransactionBuffer.RESOURCE_KEY, suspendedResources);
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
		buffer(status).commit();
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		buffer(status).clear();
	}

	@Override
	protected void doSetRollbackOnly(DefaultTransactionStatus status) {
		buffer(status).setRollbackOnly();
	}

	@Override
	protected void doCleanupAfterCompletion(Object transaction) {
		DaprTransaction dapr = (DaprTransaction) transaction;
		if (dapr.buffer != null) {
			dapr.buffer.clear();
		}
		TransactionSynchronizationManager.unbindResourceIfPossible(StateTransactionBuffer.RESOURCE_KEY);
	}

	private static StateTransactionBuffer buffer(DefaultTransactionStatus status) {
		StateTransactionBuffer buffer = ((DaprTransaction) status.getTransaction()).buffer;
		if (buffer == null) {
			throw new IllegalStateException("No Dapr transaction is active");
		}
		return buffer;
	}

	/** The transaction object: the buffer of the current transaction, if there is one. */
	private static final class DaprTransaction implements SmartTransactionObject {

		private @Nullable StateTransactionBuffer buffer;

		DaprTransaction(@Nullable StateTransactionBuffer buffer) {
			this.buffer = buffer;
		}

		@Override
		public boolean isRollbackOnly() {
			return this.buffer != null && this.buffer.isRollbackOnly();
		}

		@Override
		public void flush() {
		}

	}

}
