/**
 * Auto-configuration of virtual actors ({@code dapr-spring-actors}): the hosted types, the
 * sidecar-facing actor endpoints, proxies, and the control plane a launched sidecar needs.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.actors;

import org.jspecify.annotations.NullMarked;
