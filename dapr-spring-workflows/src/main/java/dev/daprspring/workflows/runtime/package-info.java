/**
 * Runs the application's workflows and activities for the sidecar: the registry built from the beans, the work-item stream and the adapters onto the durable-task replay engine.
 */
@NullMarked
package dev.daprspring.workflows.runtime;

import org.jspecify.annotations.NullMarked;
