/**
 * The sidecar metrics bridge: reads daprd's Prometheus endpoint on a schedule and
 * registers its series as Micrometer meters named {@code dapr.sidecar.*}.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.actuate.metrics;

import org.jspecify.annotations.NullMarked;
