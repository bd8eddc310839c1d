/**
 * Auto-configuration of a Spring Integration {@code LockRegistry} on a Dapr lock store, when
 * Spring Integration is on the classpath and {@code dapr.lock.store} is set.
 */
@NullMarked
package dev.daprspring.boot.autoconfigure.lock;

import org.jspecify.annotations.NullMarked;
