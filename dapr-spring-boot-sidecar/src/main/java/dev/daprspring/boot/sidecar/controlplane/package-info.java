/**
 * Dapr's control plane for development and tests: {@code placement} (actors, workflows)
 * and {@code scheduler} (reminders, jobs, workflows) as child processes on loopback, one
 * of each serving any number of sidecars ({@code DaprSidecar.Builder#placement},
 * {@code #scheduler}).
 */
@NullMarked
package dev.daprspring.boot.sidecar.controlplane;

import org.jspecify.annotations.NullMarked;
