/**
 * {@link dev.daprspring.messaging.job.DaprJobListener @DaprJobListener} methods: the handlers
 * daprd calls when a job of Dapr's scheduler is due.
 */
@NullMarked
package dev.daprspring.messaging.job;

import org.jspecify.annotations.NullMarked;
