/**
 * Auto-configuration of durable workflows ({@code dapr-spring-workflows}): the registry of
 * workflow and activity beans, the worker started once the application is ready, the
 * workflow template, and the control plane a launched sidecar needs.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.workflows;

import org.jspecify.annotations.NullMarked;
