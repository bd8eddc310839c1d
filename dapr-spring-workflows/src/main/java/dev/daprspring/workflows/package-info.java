/**
 * Durable workflows as Spring beans: the authoring API ({@link dev.daprspring.workflows.Workflow},
 * {@link dev.daprspring.workflows.WorkflowContext}, {@link dev.daprspring.workflows.WorkflowTask}),
 * {@code annotation} ({@code @DaprWorkflow}, {@code @DaprActivity}), {@code runtime} (the
 * registry and the worker that runs them for the sidecar), {@code client} (the workflow
 * template) and {@code observation}.
 */
@NullMarked
package dev.daprspring.workflows;

import org.jspecify.annotations.NullMarked;
