package dev.daprspring.core.lock;

import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * {@link DaprLockRegistry}'s {@link Lock} semantics on a lock store held in a map, which behaves
 * as {@code lock.redis} does (a lease is taken only if none is held, released only by its owner)
 * and whose leases expire when a test says so.
 */
class DaprLockRegistryTests {

	private final MapLockStore store = new MapLockStore();

	private final DaprLockRegistry registry = new DaprLockRegistry(this.store, "locks", Duration.ofSeconds(10));

	@Test
	void aLockIsReentrantPerThreadAndTakesOneLease() {
		Lock lock = this.registry.obtain("orders");
		lock.lock();
		assertThat(lock.tryLock()).isTrue();
		lock.lock();
		assertThat(this.store.tries.get()).isEqualTo(1);
		lock.unlock();
		lock.unlock();
		assertThat(this.store.leases).containsKey("orders");
		lock.unlock();
		assertThat(this.store.leases).isEmpty();
		assertThat(this.store.expiries).containsOnly(10);
	}

	@Test
	void anotherRegistryCannotTakeAHeldLock() {
		DaprLockRegistry other = new DaprLockRegistry(this.store, "locks", Duration.ofSeconds(10));
		Lock lock = this.registry.obtain("orders");
		lock.lock();
		assertThat(other.obtain("orders").tryLock()).isFalse();
		lock.unlock();
		Lock theirs = other.obtain("orders");
		assertThat(theirs.tryLock()).isTrue();
		theirs.unlock();
	}

	@Test
	void aThreadOfTheSameRegistryWaitsForTheHolder() throws Exception {
		Lock lock = this.registry.obtain("orders");
		lock.lock();
		AtomicBoolean acquired = new AtomicBoolean();
		Thread other = new Thread(() -> {
			this.registry.obtain("orders").lock();
			acquired.set(true);
			this.registry.obtain("orders").unlock();
		});
		other.start();
		assertThat(runningOtherThreadTryLock(lock)).isFalse();
		assertThat(acquired).isFalse();
		lock.unlock();
		other.join(10_000);
		assertThat(acquired).isTrue();
	}

	@Test
	void lockRetriesUntilTheOtherOwnerReleases() throws Exception {
		this.store.leases.put("orders", "someone-else");
		this.registry.setIdleBetweenTries(Duration.ofMillis(5));
		CountDownLatch locked = new CountDownLatch(1);
		Thread waiter = new Thread(() -> {
			Lock lock = this.registry.obtain("orders");
			lock.lock();
			locked.countDown();
			lock.unlock();
		});
		waiter.start();
		await().until(() -> this.store.tries.get() >= 3);
		assertThat(locked.getCount()).isOne();
		this.store.leases.remove("orders");
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
		waiter.join(10_000);
	}

	@Test
	void lockKeepsAnInterruptForTheCaller() {
		Thread.currentThread().interrupt();
		Lock lock = this.registry.obtain("orders");
		lock.lock();
		assertThat(Thread.interrupted()).isTrue();
		lock.unlock();
	}

	@Test
	void lockInterruptiblyGivesUpWhenInterruptedAndReleasesTheLocalLock() throws Exception {
		this.store.leases.put("orders", "someone-else");
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		Thread waiter = new Thread(() -> {
			try {
				this.registry.obtain("orders").lockInterruptibly();
			}
			catch (Throwable ex) {
				thrown.set(ex);
			}
		});
		waiter.start();
		await().until(() -> this.store.tries.get() >= 1);
		waiter.interrupt();
		waiter.join(10_000);
		assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
		this.store.leases.remove("orders");
		Lock lock = this.registry.obtain("orders");
		assertThat(lock.tryLock()).isTrue();
		lock.unlock();
	}

	@Test
	void tryLockKeepsAnInterruptAndTimedTryLockThrowsIt() {
		Lock lock = this.registry.obtain("orders");
		Thread.currentThread().interrupt();
		assertThat(lock.tryLock()).isTrue();
		assertThat(Thread.interrupted()).isTrue();
		lock.unlock();
		this.store.leases.put("orders", "someone-else");
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(() -> lock.tryLock(1, TimeUnit.SECONDS));
		this.store.leases.remove("orders");
		assertThat(lock.tryLock()).isTrue();
		lock.unlock();
	}

	@Test
	void timedTryLockGivesUpAfterItsWait() throws Exception {
		this.store.leases.put("orders", "someone-else");
		Lock lock = this.registry.obtain("orders");
		assertThat(lock.tryLock(50, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(this.store.tries.get()).isGreaterThan(1);
		this.store.leases.remove("orders");
		assertThat(lock.tryLock(50, TimeUnit.MILLISECONDS)).isTrue();
		lock.unlock();
	}

	@Test
	void unlockByAThreadThatDoesNotHoldTheLockThrows() throws Exception {
		Lock lock = this.registry.obtain("orders");
		assertThatExceptionOfType(IllegalMonitorStateException.class).isThrownBy(lock::unlock)
			.withMessageContaining("'orders'");
		lock.lock();
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		Thread other = new Thread(() -> {
			try {
				lock.unlock();
			}
			catch (Throwable ex) {
				thrown.set(ex);
			}
		});
		other.start();
		other.join(10_000);
		assertThat(thrown.get()).isInstanceOf(IllegalMonitorStateException.class);
		assertThat(this.store.leases).containsKey("orders");
		lock.unlock();
	}

	@Test
	void unlockAfterTheLeaseExpiredAndWasTakenThrowsAndFreesTheLock() {
		Lock lock = this.registry.obtain("orders");
		lock.lock();
		this.store.leases.put("orders", "a-later-holder");
		assertThatExceptionOfType(ConcurrentModificationException.class).isThrownBy(lock::unlock)
			.withMessageContaining("LOCK_BELONGS_TO_OTHERS")
			.withMessageContaining("lease of 10 s expired");
		assertThat(this.store.leases).containsEntry("orders", "a-later-holder");
		assertThatExceptionOfType(IllegalMonitorStateException.class).isThrownBy(lock::unlock);
	}

	@Test
	void anInternalErrorOfTheStoreOnUnlockIsNotTakenForAnExpiry() {
		Lock lock = this.registry.obtain("orders");
		lock.lock();
		this.store.internalError = true;
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(lock::unlock)
			.withMessageContaining("INTERNAL_ERROR")
			.withMessageContaining("its lease ends by itself after 10 s");
		assertThatExceptionOfType(IllegalMonitorStateException.class).isThrownBy(lock::unlock);
	}

	@Test
	void aTtlGivenToLockIsTheLease() {
		this.registry.obtain("orders").lock(Duration.ofSeconds(3));
		assertThat(this.store.expiries).containsOnly(3);
		this.registry.obtain("orders").unlock();
	}

	@Test
	void theSameKeyGivesTheSameLockUntilItIsForgotten() {
		Lock lock = this.registry.obtain("orders");
		assertThat(this.registry.obtain("orders")).isSameAs(lock);
		lock.lock();
		this.registry.expireUnusedOlderThan(-1_000);
		assertThat(this.registry.obtain("orders")).isSameAs(lock);
		lock.unlock();
		this.registry.expireUnusedOlderThan(-1_000);
		assertThat(this.registry.obtain("orders")).isNotSameAs(lock);
	}

	@Test
	void expiryAndKeysAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DaprLockRegistry(this.store, "locks", Duration.ofMillis(500)))
			.withMessageContaining("whole seconds, at least one");
		assertThatIllegalArgumentException().isThrownBy(() -> new DaprLockRegistry(this.store, "locks", Duration.ofMillis(1500)))
			.withMessageContaining("whole seconds");
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.obtain(42))
			.withMessageContaining("must be a String");
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.obtain("a||b"))
			.withMessageContaining("'||'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.obtain("orders").lock(Duration.ZERO))
			.withMessageContaining("at least one");
		assertThat(this.registry.obtain("orders").tryLock()).isTrue();
		this.registry.obtain("orders").unlock();
	}

	@Test
	void newConditionIsNotSupported() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.registry.obtain("orders").newCondition());
	}

	@Test
	void aFailingStoreLeavesTheLockFree() {
		this.store.failing = true;
		Lock lock = this.registry.obtain("orders");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(lock::lock).withMessage("store down");
		assertThatExceptionOfType(IllegalMonitorStateException.class).isThrownBy(lock::unlock);
		this.store.failing = false;
		assertThat(lock.tryLock()).isTrue();
		lock.unlock();
	}

	private static boolean runningOtherThreadTryLock(Lock lock) throws InterruptedException {
		AtomicBoolean result = new AtomicBoolean(true);
		Thread thread = new Thread(() -> result.set(lock.tryLock()));
		thread.start();
		thread.join(10_000);
		return result.get();
	}

	/** A lock store in a map: resource id to owner. */
	static final class MapLockStore implements LockOperations {

		final Map<String, String> leases = new ConcurrentHashMap<>();

		final List<Integer> expiries = new CopyOnWriteArrayList<>();

		final AtomicInteger tries = new AtomicInteger();

		volatile boolean failing;

		volatile boolean internalError;

		@Override
		public boolean tryLock(String store, String resourceId, String owner, Duration expiry) {
			if (this.failing) {
				throw new IllegalStateException("store down");
			}
			this.tries.incrementAndGet();
			this.expiries.add(DaprLockOperations.expirySeconds(expiry));
			return this.leases.putIfAbsent(resourceId, owner) == null;
		}

		@Override
		public UnlockStatus unlock(String store, String resourceId, String owner) {
			if (this.internalError) {
				return UnlockStatus.INTERNAL_ERROR;
			}
			String holder = this.leases.get(resourceId);
			if (holder == null) {
				return UnlockStatus.LOCK_DOES_NOT_EXIST;
			}
			if (!holder.equals(owner)) {
				return UnlockStatus.LOCK_BELONGS_TO_OTHERS;
			}
			this.leases.remove(resourceId);
			return UnlockStatus.SUCCESS;
		}

	}

}
