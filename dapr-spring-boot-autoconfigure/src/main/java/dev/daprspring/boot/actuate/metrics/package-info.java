/**
 * The sidecar metrics bridge: reads daprd's Prometheus endpoint on a schedule and
 * registers its series as Micrometer meters named {@code dapr.sidecar.*}. Wired by
 * {@code dev.daprspring.boot.autoconfigure.actuate.metrics}.
 */
@NullMarked
package dev.daprspring.boot.actuate.metrics;

import org.jspecify.annotations.NullMarked;
