package dev.daprspring.boot.autoconfigure.lock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.core.DaprOperations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured {@link LockRegistry} on a launched daprd whose {@code lock.redis}
 * component is read from {@code dapr.sidecar.resources-paths}.
 */
@SpringBootTest(properties = { "dapr.sidecar.launch=always", "dapr.lock.store=locks", "dapr.lock.expiry=30s",
		"dapr.lock.idle-between-tries=20ms" })
class LockRegistryIntegrationTests {

	static LocalRedisServer redis;

	static Path resources;

	@Autowired
	LockRegistry<?> locks;

	@Autowired
	DaprOperations dapr;

	@DynamicPropertySource
	static void lockStore(DynamicPropertyRegistry registry) throws IOException {
		redis = LocalRedisServer.start();
		resources = Files.createTempDirectory("dapr-locks");
		Files.writeString(resources.resolve("locks.yaml"),
				DaprComponents.redisLock("locks", redis.address()).withMetadata("keyPrefix", "name").toYaml());
		Files.writeString(resources.resolve("statestore.yaml"), DaprComponents.inMemoryState("statestore").toYaml());
		registry.add("dapr.sidecar.resources-paths", resources::toString);
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
		FileSystemUtils.deleteRecursively(resources.toFile());
	}

	@Test
	void eightThreadsReserveNoMoreThanTheStock() throws Exception {
		Inventory inventory = new Inventory(this.dapr, this.locks);
		this.dapr.state().save("stock-book", 30);
		ExecutorService executor = Executors.newFixedThreadPool(8);
		List<Future<Integer>> reserved = new ArrayList<>();
		try {
			for (int thread = 0; thread < 8; thread++) {
				reserved.add(executor.submit(() -> {
					int count = 0;
					for (int i = 0; i < 5; i++) {
						count += inventory.reserve("book", 1) ? 1 : 0;
					}
					return count;
				}));
			}
			int total = 0;
			for (Future<Integer> future : reserved) {
				total += future.get(5, TimeUnit.MINUTES);
			}
			assertThat(total).isEqualTo(30);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.dapr.state().get("stock-book", Integer.class)).contains(0);
	}

	@Test
	void executeLockedRunsTheTaskUnderTheLock() throws Exception {
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			String answer = this.locks.executeLocked("nightly-report", () -> {
				assertThat(other.submit(() -> this.locks.obtain("nightly-report").tryLock()).get()).isFalse();
				return "written";
			});
			assertThat(answer).isEqualTo("written");
		}
		finally {
			other.shutdownNow();
		}
		Lock lock = this.locks.obtain("nightly-report");
		assertThat(lock.tryLock()).isTrue();
		lock.unlock();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
