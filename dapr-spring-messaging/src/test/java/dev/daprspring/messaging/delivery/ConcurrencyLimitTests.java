package dev.daprspring.messaging.delivery;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.daprspring.messaging.endpoint.TopicEndpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link ConcurrencyLimit} on its own: work beyond the limit waits, a wait that finds no
 * permit answers the busy result naming the setting, and a permit comes back however the
 * work ended.
 */
class ConcurrencyLimitTests {

	@Test
	void withoutALimitTheWorkRunsAtOnce() throws Exception {
		ConcurrencyLimit limit = new ConcurrencyLimit(endpoint(0), Duration.ofMillis(1));
		assertThat(limit.run(() -> "done", (busy) -> "busy")).isEqualTo("done");
	}

	@Test
	void workThatFindsNoFreePermitWithinTheWaitGetsTheBusyResultNamingTheSetting() throws Exception {
		ConcurrencyLimit limit = new ConcurrencyLimit(endpoint(1), Duration.ofMillis(50));
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<String> first = executor.submit(() -> limit.run(() -> {
				entered.countDown();
				await(release);
				return "first";
			}, (busy) -> "busy"));
			entered.await();
			assertThat(limit.run(() -> "second", Throwable::getMessage)).isEqualTo("All 1 concurrent deliveries of "
					+ "ConcurrencyLimitTests.Handlers.accept(String) stayed busy for PT0.05S "
					+ "(dapr.messaging.concurrency-wait); asking the sidecar to deliver the event again");
			release.countDown();
			assertThat(first.get()).isEqualTo("first");
			assertThat(limit.run(() -> "third", (busy) -> "busy")).isEqualTo("third");
		}
		finally {
			release.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void aPermitIsReturnedWhenTheWorkThrows() throws Exception {
		ConcurrencyLimit limit = new ConcurrencyLimit(endpoint(1), Duration.ofMillis(50));
		assertThatIllegalStateException().isThrownBy(() -> limit.run(() -> {
			throw new IllegalStateException("failed");
		}, (busy) -> "busy"));
		assertThat(limit.run(() -> "after", (busy) -> "busy")).isEqualTo("after");
	}

	@Test
	void anInterruptedWaitGetsTheBusyResultAndKeepsTheInterrupt() throws Exception {
		ConcurrencyLimit limit = new ConcurrencyLimit(endpoint(1), Duration.ofSeconds(30));
		limit.run(() -> {
			Thread.currentThread().interrupt();
			// The permit is held here; the nested wait is interrupted at once.
			String nested = limit.run(() -> "nested", Throwable::getMessage);
			assertThat(nested).startsWith("Interrupted while waiting for a free delivery of ");
			assertThat(Thread.interrupted()).isTrue();
			return null;
		}, (busy) -> null);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static TopicEndpoint endpoint(int concurrency) throws Exception {
		Method method = Handlers.class.getDeclaredMethod("accept", String.class);
		return new TopicEndpoint("pubsub", "orders", null, 0, null, Map.of(), false, new Handlers(), method,
				concurrency);
	}

	static class Handlers {

		void accept(String payload) {
		}

	}

}
