/**
 * Distributed locks of the sidecar's lock API (alpha): {@link dev.daprspring.core.lock.LockOperations}
 * takes and releases a lease on a resource id in a lock store, and
 * {@link dev.daprspring.core.lock.DaprLockRegistry} offers it as Spring Integration's
 * {@code LockRegistry} (optional dependency {@code spring-integration-core}).
 *
 * <p>A lock is a lease: the store forgets it when its expiry passes, whether or not its owner
 * is done, and daprd neither renews it nor hands out fencing tokens. Code under a lock must
 * finish well within the expiry, and writes it protects should be guarded by the store itself
 * (an ETag) where a late writer would do harm.
 */
@NullMarked
package dev.daprspring.core.lock;

import org.jspecify.annotations.NullMarked;
