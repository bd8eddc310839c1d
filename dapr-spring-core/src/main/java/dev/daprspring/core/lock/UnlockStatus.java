package dev.daprspring.core.lock;

/**
 * What an unlock did, named as in the sidecar's {@code UnlockResponse.Status}.
 */
public enum UnlockStatus {

	/** The lock was held by this owner and is released. */
	SUCCESS,

	/** No lock is held on the resource: it was never taken, was released, or its expiry passed. */
	LOCK_DOES_NOT_EXIST,

	/** Another owner holds the lock (this owner's lease may have expired and been taken since); nothing changed. */
	LOCK_BELONGS_TO_OTHERS,

	/** The lock store failed. */
	INTERNAL_ERROR

}
