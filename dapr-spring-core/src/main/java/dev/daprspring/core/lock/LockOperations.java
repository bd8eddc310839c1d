package dev.daprspring.core.lock;

import java.time.Duration;

/**
 * The sidecar's distributed lock API (alpha; {@code TryLockAlpha1} / {@code UnlockAlpha1}) on
 * a lock store component such as {@code lock.redis}. A lock is a lease on a resource id held by
 * an owner until it is released or its expiry passes; it is not reentrant (trying again with
 * the same owner while the lease runs answers {@code false}) and cannot be extended.
 *
 * <p>The store prefixes resource ids with the app id unless the component sets metadata
 * {@code keyPrefix} to {@code name} (the store's name) or {@code none}: only then do
 * applications with different app ids exclude each other.
 */
public interface LockOperations {

	/**
	 * Takes the lock on {@code resourceId} for {@code owner} if nobody holds it; returns at
	 * once either way.
	 * @param store the lock store component
	 * @param resourceId what is locked; must not contain {@code ||}
	 * @param owner who holds it; only this owner can release it
	 * @param expiry how long the lease lasts unless released first: whole seconds, at least one
	 * @return whether the lock was taken
	 * @throws IllegalArgumentException if an argument is empty or the expiry is not whole seconds of at least one
	 * @throws dev.daprspring.core.error.DaprComponentNotFoundException if the sidecar has no lock store of that name
	 */
	boolean tryLock(String store, String resourceId, String owner, Duration expiry);

	/**
	 * Releases the lock on {@code resourceId} if {@code owner} holds it.
	 * @return what happened; a lock whose lease expired answers {@link UnlockStatus#LOCK_DOES_NOT_EXIST},
	 * or {@link UnlockStatus#LOCK_BELONGS_TO_OTHERS} if another owner has taken it since
	 * @throws dev.daprspring.core.error.DaprComponentNotFoundException if the sidecar has no lock store of that name
	 */
	UnlockStatus unlock(String store, String resourceId, String owner);

}
