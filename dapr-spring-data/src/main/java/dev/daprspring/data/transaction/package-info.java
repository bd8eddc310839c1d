/**
 * {@code @Transactional} for Dapr repositories: {@link dev.daprspring.data.transaction.DaprTransactionManager}
 * buffers the repository writes of a transaction and commits them as one state transaction.
 */
@NullMarked
package dev.daprspring.data.transaction;

import org.jspecify.annotations.NullMarked;
