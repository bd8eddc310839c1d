package dev.daprspring.core.lock;

import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import org.springframework.integration.support.locks.DistributedLock;
import org.springframework.integration.support.locks.ExpirableLockRegistry;
import org.springframework.util.Assert;

/**
 * Spring Integration's lock registry on a Dapr lock store, so code written for
 * {@code LockRegistry.obtain(key).lock() / tryLock() / unlock()} runs across instances.
 *
 * <p>Each lock is a {@link ReentrantLock} in this JVM in front of a lease in the store: threads
 * of one registry queue on the local lock (reentrant per thread, as in Spring Integration's own
 * registries) and only the thread holding it asks the sidecar. Each acquisition takes the
 * lease under its own owner id, so nothing but that acquisition can release it. {@code lock()}
 * retries the sidecar's try-lock with a back-off that doubles from 5 ms up to
 * {@link #setIdleBetweenTries(Duration) idleBetweenTries}.
 *
 * <p>The lease lasts {@code expiry} (or the ttl given to {@link DistributedLock#lock(Duration)});
 * daprd cannot extend it. An {@link java.util.concurrent.locks.Lock#unlock() unlock()} after it
 * has expired throws {@link ConcurrentModificationException}: another holder may have run the
 * guarded code meanwhile. Conditions are not supported.
 */
public final class DaprLockRegistry implements ExpirableLockRegistry<DistributedLock> {

	private static final long FIRST_BACK_OFF_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private final LockOperations operations;

	private final String store;

	private final Duration expiry;

	private final String clientId = UUID.randomUUID().toString();

	private final AtomicLong acquisitions = new AtomicLong();

	private final Map<String, DaprLock> locks = new ConcurrentHashMap<>();

	private Duration idleBetweenTries = Duration.ofMillis(100);

	/**
	 * @param operations the lock API, usually {@code DaprOperations.locks()}
	 * @param store the lock store component, for example a {@code lock.redis}
	 * @param expiry how long a lease lasts: whole seconds, at least one; longer than any code under the lock runs
	 */
	public DaprLockRegistry(LockOperations operations, String store, Duration expiry) {
		Assert.hasText(store, "Lock store name must not be empty");
		DaprLockOperations.expirySeconds(expiry);
		this.operations = operations;
		this.store = store;
		this.expiry = expiry;
	}

	/** The longest wait between two tries of a blocking {@code lock()}; 100 ms by default. */
	public void setIdleBetweenTries(Duration idleBetweenTries) {
		Assert.isTrue(!idleBetweenTries.isNegative() && !idleBetweenTries.isZero(),
				"idleBetweenTries must be positive");
		this.idleBetweenTries = idleBetweenTries;
	}

	/**
	 * The lock for this key (the lock store's resource id); the same object for the same key
	 * until {@link #expireUnusedOlderThan(long)} forgets it.
	 */
	@Override
	public DistributedLock obtain(Object lockKey) {
		Assert.isInstanceOf(String.class, lockKey, "A DaprLockRegistry's lock key must be a String");
		String key = (String) lockKey;
		Assert.hasText(key, "Lock key must not be empty");
		Assert.isTrue(!key.contains("||"), () -> "Lock key '" + key + "' must not contain '||' (the sidecar's key separator)");
		DaprLock lock = this.locks.computeIfAbsent(key, DaprLock::new);
		lock.lastUsed = System.currentTimeMillis();
		return lock;
	}

	/** Forgets the locks no thread holds that were last obtained more than {@code age} milliseconds ago. */
	@Override
	public void expireUnusedOlderThan(long age) {
		long before = System.currentTimeMillis() - age;
		this.locks.values().removeIf((lock) -> lock.lastUsed < before && !lock.local.isLocked());
	}

	@Override
	public String toString() {
		return "DaprLockRegistry[store=" + this.store + ", expiry=" + this.expiry + "]";
	}

	private final class DaprLock implements DistributedLock {

		private final String key;

		private final ReentrantLock local = new ReentrantLock();

		/** The owner id of the lease the holding thread took; written and read under {@link #local}. */
		private @Nullable String owner;

		/** The length of that lease in seconds. */
		private int leaseSeconds;

		private volatile long lastUsed;

		DaprLock(String key) {
			this.key = key;
		}

		@Override
		public void lock() {
			lock(DaprLockRegistry.this.expiry);
		}

		@Override
		public void lock(Duration ttl) {
			int seconds = DaprLockOperations.expirySeconds(ttl);
			this.local.lock();
			if (this.local.getHoldCount() > 1) {
				return;
			}
			// Not interruptible: an interrupt is kept for the caller, not acted on.
			boolean interrupted = Thread.interrupted();
			try {
				long backOff = FIRST_BACK_OFF_NANOS;
				while (true) {
					// A blocking gRPC call made with the flag set is cancelled at once.
					interrupted |= Thread.interrupted();
					if (tryLease(seconds)) {
						break;
					}
					try {
						TimeUnit.NANOSECONDS.sleep(backOff);
					}
					catch (InterruptedException ex) {
						interrupted = true;
					}
					backOff = nextBackOff(backOff);
				}
			}
			catch (RuntimeException ex) {
				this.local.unlock();
				throw ex;
			}
			finally {
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}

		@Override
		public void lockInterruptibly() throws InterruptedException {
			this.local.lockInterruptibly();
			if (this.local.getHoldCount() > 1) {
				return;
			}
			int seconds = (int) DaprLockRegistry.this.expiry.getSeconds();
			try {
				long backOff = FIRST_BACK_OFF_NANOS;
				while (true) {
					throwIfInterrupted();
					if (tryLease(seconds)) {
						break;
					}
					TimeUnit.NANOSECONDS.sleep(backOff);
					backOff = nextBackOff(backOff);
				}
			}
			catch (InterruptedException | RuntimeException ex) {
				this.local.unlock();
				throw ex;
			}
		}

		@Override
		public boolean tryLock() {
			if (!this.local.tryLock()) {
				return false;
			}
			if (this.local.getHoldCount() > 1) {
				return true;
			}
			// Asks once; an interrupt is kept for the caller, not given to the gRPC call.
			boolean interrupted = Thread.interrupted();
			try {
				return leaseOrUnlock((int) DaprLockRegistry.this.expiry.getSeconds(), System.nanoTime());
			}
			finally {
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}

		@Override
		public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
			return tryLock(Duration.ofNanos(unit.toNanos(time)), DaprLockRegistry.this.expiry);
		}

		@Override
		public boolean tryLock(Duration waitTime, Duration ttl) throws InterruptedException {
			int seconds = DaprLockOperations.expirySeconds(ttl);
			long deadline = System.nanoTime() + Math.max(0, waitTime.toNanos());
			if (!this.local.tryLock(Math.max(0, waitTime.toNanos()), TimeUnit.NANOSECONDS)) {
				return false;
			}
			if (this.local.getHoldCount() > 1) {
				return true;
			}
			try {
				throwIfInterrupted();
				return leaseOrUnlock(seconds, deadline);
			}
			catch (InterruptedException ex) {
				this.local.unlock();
				throw ex;
			}
			catch (InterruptedRuntime ex) {
				throw ex.cause;
			}
		}

		/** Tries until the deadline (once if it has passed); on failure the local lock is released. */
		private boolean leaseOrUnlock(int seconds, long deadline) {
			boolean leased = false;
			try {
				long backOff = FIRST_BACK_OFF_NANOS;
				while (!(leased = tryLease(seconds))) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						return false;
					}
					try {
						TimeUnit.NANOSECONDS.sleep(Math.min(backOff, left));
						throwIfInterrupted();
					}
					catch (InterruptedException ex) {
						throw new InterruptedRuntime(ex);
					}
					backOff = nextBackOff(backOff);
				}
				return true;
			}
			finally {
				if (!leased) {
					this.local.unlock();
				}
			}
		}

		private boolean tryLease(int seconds) {
			String candidate = DaprLockRegistry.this.clientId + ":" + DaprLockRegistry.this.acquisitions.incrementAndGet();
			if (DaprLockRegistry.this.operations.tryLock(DaprLockRegistry.this.store, this.key, candidate,
					Duration.ofSeconds(seconds))) {
				this.owner = candidate;
				this.leaseSeconds = seconds;
				return true;
			}
			return false;
		}

		private void throwIfInterrupted() throws InterruptedException {
			if (Thread.interrupted()) {
				throw new InterruptedException("Interrupted while waiting for lock '" + this.key + "' of the Dapr lock store '"
						+ DaprLockRegistry.this.store + "'");
			}
		}

		private long nextBackOff(long backOff) {
			return Math.min(backOff * 2, DaprLockRegistry.this.idleBetweenTries.toNanos());
		}

		@Override
		public void unlock() {
			if (!this.local.isHeldByCurrentThread()) {
				throw new IllegalMonitorStateException("The current thread does not hold lock '" + this.key
						+ "' of the Dapr lock store '" + DaprLockRegistry.this.store + "'");
			}
			if (this.local.getHoldCount() > 1) {
				this.local.unlock();
				return;
			}
			String leased = this.owner;
			this.owner = null;
			Assert.state(leased != null, "A held lock has a lease");
			try {
				UnlockStatus status = DaprLockRegistry.this.operations.unlock(DaprLockRegistry.this.store, this.key,
						leased);
				if (status == UnlockStatus.INTERNAL_ERROR) {
					throw new IllegalStateException("The Dapr lock store '" + DaprLockRegistry.this.store
							+ "' failed to release lock '" + this.key + "' (INTERNAL_ERROR); its lease ends by itself "
							+ "after " + this.leaseSeconds + " s");
				}
				if (status != UnlockStatus.SUCCESS) {
					throw new ConcurrentModificationException("Lock '" + this.key + "' of the Dapr lock store '"
							+ DaprLockRegistry.this.store + "' was no longer held when it was released (" + status
							+ "): its lease of " + this.leaseSeconds + " s expired, so another holder may have run the "
							+ "guarded code meanwhile. Make the expiry (dapr.lock.expiry, or the ttl given to "
							+ "lock(Duration)) longer than the lock is ever held");
				}
			}
			finally {
				this.local.unlock();
			}
		}

		@Override
		public Condition newCondition() {
			throw new UnsupportedOperationException("A Dapr lock has no conditions");
		}

		@Override
		public String toString() {
			return "DaprLock[store=" + DaprLockRegistry.this.store + ", key=" + this.key + ", "
					+ (this.local.isLocked() ? "held" : "free") + "]";
		}

	}

	/** Carries an interrupt out of {@link DaprLock#leaseOrUnlock(int, long)}, which {@code tryLock()} cannot throw. */
	private static final class InterruptedRuntime extends RuntimeException {

		private final InterruptedException cause;

		InterruptedRuntime(InterruptedException cause) {
			super(cause);
			this.cause = cause;
		}

	}

}
