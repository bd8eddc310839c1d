package dev.daprspring.core.lock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.boot.sidecar.testsupport.RedisCommands;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprComponentNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The lock API and {@link DaprLockRegistry} against two real daprd ({@code allcomponents}) with
 * {@code lock.redis} on one throwaway Redis: {@code locks} shares resource ids across app ids
 * ({@code keyPrefix: name}), {@code app-locks} keeps the default (ids prefixed with the app id).
 */
class LockIntegrationTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static LocalRedisServer redis;

	static DaprSidecar shop;

	static DaprSidecar billing;

	static DaprTransport shopTransport;

	static DaprTransport billingTransport;

	static DaprTemplate shopDapr;

	static DaprTemplate billingDapr;

	/** Incremented without synchronisation, only under a lock. */
	static int counter;

	@BeforeAll
	static void start() {
		redis = LocalRedisServer.start();
		shop = sidecar("lock-shop");
		billing = sidecar("lock-billing");
		shopTransport = new DaprTransport(DaprClientOptions.of(shop.grpcEndpoint(), shop.httpEndpoint(), null));
		billingTransport = new DaprTransport(
				DaprClientOptions.of(billing.grpcEndpoint(), billing.httpEndpoint(), null));
		shopDapr = new DaprTemplate(shopTransport, json);
		billingDapr = new DaprTemplate(billingTransport, json);
	}

	private static DaprSidecar sidecar(String appId) {
		return DaprSidecar.builder(appId)
			.component(DaprComponents.redisLock("locks", redis.address()).withMetadata("keyPrefix", "name"))
			.component(DaprComponents.redisLock("app-locks", redis.address()))
			.start();
	}

	@AfterAll
	static void stop() {
		shopTransport.close();
		billingTransport.close();
		shop.close();
		billing.close();
		redis.close();
	}

	@Test
	void tryLockAndUnlockAnswerWhatHappened() {
		LockOperations locks = shopDapr.locks();
		assertThat(locks.tryLock("locks", "order-1", "alice", Duration.ofSeconds(30))).isTrue();
		assertThat(locks.tryLock("locks", "order-1", "bob", Duration.ofSeconds(30))).isFalse();
		// Not reentrant: the owner itself cannot take it again while the lease runs.
		assertThat(locks.tryLock("locks", "order-1", "alice", Duration.ofSeconds(30))).isFalse();
		assertThat(locks.unlock("locks", "order-1", "bob")).isEqualTo(UnlockStatus.LOCK_BELONGS_TO_OTHERS);
		assertThat(locks.unlock("locks", "order-1", "alice")).isEqualTo(UnlockStatus.SUCCESS);
		assertThat(locks.unlock("locks", "order-1", "alice")).isEqualTo(UnlockStatus.LOCK_DOES_NOT_EXIST);
		assertThat(locks.unlock("locks", "never-locked", "alice")).isEqualTo(UnlockStatus.LOCK_DOES_NOT_EXIST);
		assertThat(locks.tryLock("locks", "order-1", "bob", Duration.ofSeconds(30))).isTrue();
		assertThat(locks.unlock("locks", "order-1", "bob")).isEqualTo(UnlockStatus.SUCCESS);
	}

	@Test
	void theReadmeExample() {
		DaprTemplate dapr = shopDapr;
		List<UnlockStatus> seen = new ArrayList<>();
		// README: from here
		LockOperations locks = dapr.locks();
		if (locks.tryLock("locks", "order-7", "instance-1", Duration.ofSeconds(30))) {
			try {
				// at most one owner runs this for order-7 until it unlocks or the 30 s lease expires
			}
			finally {
				UnlockStatus status = locks.unlock("locks", "order-7", "instance-1");
				// SUCCESS; LOCK_DOES_NOT_EXIST or LOCK_BELONGS_TO_OTHERS if the lease expired first
				seen.add(status);
			}
		}
		// README: to here
		assertThat(seen).containsExactly(UnlockStatus.SUCCESS);
	}

	@Test
	void anExpiredLeaseIsGoneAndCanBeTakenByAnother() {
		LockOperations locks = shopDapr.locks();
		assertThat(locks.tryLock("locks", "order-2", "alice", Duration.ofSeconds(1))).isTrue();
		assertThat(RedisCommands.send(redis, "GET", "lock||locks||order-2")).isEqualTo("alice");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> RedisCommands.send(redis, "EXISTS", "lock||locks||order-2").equals(":0"));
		assertThat(locks.unlock("locks", "order-2", "alice")).isEqualTo(UnlockStatus.LOCK_DOES_NOT_EXIST);

		assertThat(locks.tryLock("locks", "order-3", "alice", Duration.ofSeconds(1))).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> locks.tryLock("locks", "order-3", "bob", Duration.ofSeconds(30)));
		assertThat(locks.unlock("locks", "order-3", "alice")).isEqualTo(UnlockStatus.LOCK_BELONGS_TO_OTHERS);
		assertThat(locks.unlock("locks", "order-3", "bob")).isEqualTo(UnlockStatus.SUCCESS);
	}

	@Test
	void anUnknownLockStoreNamesTheStoresTheSidecarHas() {
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> shopDapr.locks().tryLock("lockz", "order-1", "alice", Duration.ofSeconds(5)))
			.withMessageContaining("No lock store named 'lockz'")
			.withMessageContaining("locks (lock.redis)")
			.withMessageContaining("app-locks (lock.redis)")
			.withMessageContaining("Check the name, or the component files")
			.satisfies((ex) -> assertThat(ex.getDetails().component()).isEqualTo("lockz"));
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> shopDapr.locks().unlock("lockz", "order-1", "alice"))
			.withMessageContaining("No lock store named 'lockz'");
	}

	@Test
	void aSidecarWithoutLockStoresSaysSo() {
		try (DaprSidecar bare = DaprSidecar.builder("lock-none").component(DaprComponents.inMemoryState("statestore")).start();
				DaprTransport transport = new DaprTransport(
						DaprClientOptions.of(bare.grpcEndpoint(), bare.httpEndpoint(), null))) {
			DaprTemplate dapr = new DaprTemplate(transport, json);
			assertThatExceptionOfType(DaprComponentNotFoundException.class)
				.isThrownBy(() -> dapr.locks().tryLock("locks", "order-1", "alice", Duration.ofSeconds(5)))
				.withMessageContaining("No lock store named 'locks'")
				.withMessageContaining("it has no lock store loaded")
				.withMessageContaining("lock store is not configured");
		}
	}

	@Test
	void argumentsTheSidecarWouldRefuseAreRefusedFirst() {
		LockOperations locks = shopDapr.locks();
		assertThatIllegalArgumentException().isThrownBy(() -> locks.tryLock("locks", "order-1", "alice", Duration.ZERO))
			.withMessageContaining("whole seconds, at least one");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> locks.tryLock("locks", "order-1", "alice", Duration.ofMillis(1500)))
			.withMessageContaining("whole seconds");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> locks.tryLock("locks", "a||b", "alice", Duration.ofSeconds(5)))
			.withMessageContaining("must not contain '||'");
		assertThatIllegalArgumentException().isThrownBy(() -> locks.tryLock("locks", "order-1", "", Duration.ofSeconds(5)))
			.withMessageContaining("owner must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> locks.unlock("locks", "", "alice"))
			.withMessageContaining("resource id must not be empty");
	}

	@Test
	void withTheDefaultKeyPrefixAppsWithDifferentIdsDoNotExcludeEachOther() {
		assertThat(shopDapr.locks().tryLock("app-locks", "report", "shop-1", Duration.ofSeconds(30))).isTrue();
		assertThat(billingDapr.locks().tryLock("app-locks", "report", "billing-1", Duration.ofSeconds(30))).isTrue();
		assertThat(RedisCommands.send(redis, "GET", "lock||lock-shop||report")).isEqualTo("shop-1");
		assertThat(RedisCommands.send(redis, "GET", "lock||lock-billing||report")).isEqualTo("billing-1");
		assertThat(shopDapr.locks().unlock("app-locks", "report", "shop-1")).isEqualTo(UnlockStatus.SUCCESS);
		assertThat(billingDapr.locks().unlock("app-locks", "report", "billing-1")).isEqualTo(UnlockStatus.SUCCESS);
	}

	@Test
	void eightThreadsOnTwoRegistriesOfOneAppIncrementExactly() throws Exception {
		counter = 0;
		List<DaprLockRegistry> registries = List.of(registry(shopDapr, 30), registry(shopDapr, 30));
		contend(8, 25, (thread) -> registries.get(thread % 2), "counter-1", () -> {
			int seen = counter;
			Thread.yield();
			counter = seen + 1;
		});
		assertThat(counter).isEqualTo(200);
	}

	@Test
	void twoApplicationsIncrementACounterInRedisExactly() throws Exception {
		RedisCommands.send(redis, "SET", "shared-counter", "0");
		List<DaprLockRegistry> registries = List.of(registry(shopDapr, 30), registry(billingDapr, 30));
		contend(8, 10, (thread) -> registries.get(thread % 2), "counter-2", () -> {
			int seen = Integer.parseInt(RedisCommands.send(redis, "GET", "shared-counter"));
			RedisCommands.send(redis, "SET", "shared-counter", Integer.toString(seen + 1));
		});
		assertThat(RedisCommands.send(redis, "GET", "shared-counter")).isEqualTo("80");
	}

	@Test
	void theOtherApplicationWaitsForTheHolderAndTryLockDoesNot() throws Exception {
		DaprLockRegistry shopLocks = registry(shopDapr, 30);
		DaprLockRegistry billingLocks = registry(billingDapr, 30);
		Lock held = shopLocks.obtain("nightly-report");
		held.lock();
		Lock other = billingLocks.obtain("nightly-report");
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			assertThat(executor.submit(() -> other.tryLock()).get()).isFalse();
			assertThat(executor.submit(() -> other.tryLock(200, TimeUnit.MILLISECONDS)).get()).isFalse();
			Future<?> waiting = executor.submit(() -> {
				other.lock();
				other.unlock();
			});
			held.unlock();
			waiting.get(30, TimeUnit.SECONDS);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void unlockAfterTheLeaseExpiredSaysSo() {
		DaprLockRegistry registry = registry(shopDapr, 1);
		Lock lock = registry.obtain("slow-job");
		lock.lock();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> RedisCommands.send(redis, "EXISTS", "lock||locks||slow-job").equals(":0"));
		assertThatExceptionOfType(ConcurrentModificationException.class).isThrownBy(lock::unlock)
			.withMessageContaining("'slow-job'")
			.withMessageContaining("LOCK_DOES_NOT_EXIST")
			.withMessageContaining("lease of 1 s expired");
		assertThat(lock.tryLock()).isTrue();
		lock.unlock();
	}

	private static DaprLockRegistry registry(DaprTemplate dapr, int expirySeconds) {
		DaprLockRegistry registry = new DaprLockRegistry(dapr.locks(), "locks", Duration.ofSeconds(expirySeconds));
		registry.setIdleBetweenTries(Duration.ofMillis(20));
		return registry;
	}

	interface RegistryForThread {

		DaprLockRegistry registry(int thread);

	}

	/** Runs {@code work} {@code times} times on each of {@code threads} threads, each time under the lock. */
	private static void contend(int threads, int times, RegistryForThread registries, String key, Runnable work)
			throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int thread = 0; thread < threads; thread++) {
				DaprLockRegistry registry = registries.registry(thread);
				done.add(executor.submit(() -> {
					for (int i = 0; i < times; i++) {
						Lock lock = registry.obtain(key);
						lock.lock();
						try {
							work.run();
						}
						finally {
							lock.unlock();
						}
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
