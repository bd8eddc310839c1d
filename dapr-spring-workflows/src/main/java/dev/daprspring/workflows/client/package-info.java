/**
 * Schedules and manages workflow instances: {@link dev.daprspring.workflows.client.WorkflowOperations} and its template.
 */
@NullMarked
package dev.daprspring.workflows.client;

import org.jspecify.annotations.NullMarked;
