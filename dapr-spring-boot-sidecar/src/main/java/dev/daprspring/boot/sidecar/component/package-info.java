/**
 * Typed Dapr component definitions, written as YAML for a sidecar to load.
 */
@NullMarked
package dev.daprspring.boot.sidecar.component;

import org.jspecify.annotations.NullMarked;
