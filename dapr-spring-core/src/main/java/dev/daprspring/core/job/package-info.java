/**
 * Jobs held by Dapr's scheduler: schedule, read and delete them through
 * {@link dev.daprspring.core.job.JobOperations}; the sidecar calls the application back when
 * one is due.
 */
@NullMarked
package dev.daprspring.core.job;

import org.jspecify.annotations.NullMarked;
