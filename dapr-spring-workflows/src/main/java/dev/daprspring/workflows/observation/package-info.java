/**
 * Observations of workflow and activity executions.
 */
@NullMarked
package dev.daprspring.workflows.observation;

import org.jspecify.annotations.NullMarked;
