package dev.daprspring.messaging.delivery;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.messaging.endpoint.BulkSubscribe;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.handler.CloudEventDataConverter;
import dev.daprspring.messaging.handler.TopicHandlerMethodFactory;
import dev.daprspring.messaging.observation.DefaultTopicDeliveryObservationConvention;
import dev.daprspring.messaging.observation.TopicDeliveryObservationContext;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches run through the same pipeline as single events: an observation per event, the
 * handler in the first event's observation, the {@link TopicErrorHandler} for conversion
 * and handler failures, and the handler's concurrency limit.
 */
class BatchEventListenerTests {

	private static final JsonMapper JSON = new JsonMapper();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<String> handledErrors = new ArrayList<>();

	@Test
	void everyEventOfABatchIsObservedWithItsOwnOutcomeAndTheHandlerRunsInTheFirstOnesObservation() throws Exception {
		Handlers handlers = new Handlers();
		handlers.registry = this.registry;
		Map<String, TopicEventStatus> statuses = listeners(new DefaultTopicErrorHandler())
			.create(endpoint(handlers, "orders", 0))
			.onBatch(List.of(entry("e-1", "{\"id\":\"a\"}"),
					entry("e-2", "not json"), entry("e-3", "{\"id\":\"b\"}")));
		assertThat(statuses).containsExactly(Map.entry("e-1", TopicEventStatus.SUCCESS),
				Map.entry("e-2", TopicEventStatus.DROP), Map.entry("e-3", TopicEventStatus.SUCCESS));
		assertThat(handlers.orders.get()).containsExactly(new Order("a"), new Order("b"));
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(DefaultTopicDeliveryObservationConvention.NAME,
				3);
		assertThat(this.registry).hasAnObservation((observation) -> observation
			.hasHighCardinalityKeyValue("event.id", "e-2")
			.hasLowCardinalityKeyValue("outcome", "drop")
			.hasError());
		assertThat(this.registry).hasAnObservation((observation) -> observation
			.hasHighCardinalityKeyValue("event.id", "e-3")
			.hasLowCardinalityKeyValue("outcome", "success"));
		Observation current = handlers.observation.get();
		assertThat(current).isNotNull();
		assertThat(current.getContext()).isInstanceOfSatisfying(TopicDeliveryObservationContext.class,
				(context) -> assertThat(context.getEvent().id()).isEqualTo("e-1"));
	}

	@Test
	void aFailingBatchHandlerAsksTheErrorHandlerForEveryEvent() throws Exception {
		TopicErrorHandler errorHandler = (error, endpoint, event) -> {
			this.handledErrors.add(event.id() + ": " + error.getMessage());
			return "e-1".equals(event.id()) ? TopicEventStatus.DROP : TopicEventStatus.RETRY;
		};
		Map<String, TopicEventStatus> statuses = listeners(errorHandler).create(endpoint(new Handlers(), "failing", 0))
			.onBatch(List.of(entry("e-1", "{\"id\":\"a\"}"), entry("e-2", "{\"id\":\"b\"}")));
		assertThat(statuses).containsExactly(Map.entry("e-1", TopicEventStatus.DROP),
				Map.entry("e-2", TopicEventStatus.RETRY));
		assertThat(this.handledErrors).containsExactly("e-1: not now", "e-2: not now");
		assertThat(this.registry).hasAnObservation((observation) -> observation
			.hasHighCardinalityKeyValue("event.id", "e-1")
			.hasLowCardinalityKeyValue("outcome", "drop"));
		assertThat(this.registry).hasAnObservation((observation) -> observation
			.hasHighCardinalityKeyValue("event.id", "e-2")
			.hasLowCardinalityKeyValue("outcome", "retry"));
	}

	@Test
	void aBulkHandlerWithAConcurrencyLimitRunsAtMostThatManyBatchesAtOnce() throws Exception {
		int limit = 1;
		int batches = 3;
		Handlers handlers = new Handlers();
		handlers.entered = new CountDownLatch(limit);
		TopicEndpoint endpoint = endpoint(handlers, "block", limit);
		TopicEventListener listener = pipeline(new DefaultTopicErrorHandler(), ObservationRegistry.NOOP)
			.create(endpoint);
		ExecutorService executor = Executors.newFixedThreadPool(batches);
		try {
			List<Thread> threads = new ArrayList<>();
			List<Future<Map<String, TopicEventStatus>>> results = new ArrayList<>();
			for (int i = 0; i < batches; i++) {
				String id = "b-" + i;
				results.add(executor.submit(() -> {
					synchronized (threads) {
						threads.add(Thread.currentThread());
					}
					return listener.onBatch(List.of(entry(id, "{\"id\":\"x\"}")));
				}));
			}
			handlers.entered.await();
			while (parked(threads) < batches - limit) {
				Thread.onSpinWait();
			}
			assertThat(handlers.running.get()).isEqualTo(limit);
			handlers.release.countDown();
			for (Future<Map<String, TopicEventStatus>> result : results) {
				assertThat(result.get().values()).containsExactly(TopicEventStatus.SUCCESS);
			}
			assertThat(handlers.mostRunning.get()).isEqualTo(limit);
		}
		finally {
			handlers.release.countDown();
			executor.shutdownNow();
		}
	}

	private TopicEventListenerFactory listeners(TopicErrorHandler errorHandler) {
		return pipeline(errorHandler, this.registry);
	}

	private static TopicEventListenerFactory pipeline(TopicErrorHandler errorHandler, ObservationRegistry registry) {
		TopicEventListenerFactory pipeline = new TopicEventListenerFactory(TopicHandlerMethodFactory.create(JSON),
				new CloudEventDataConverter(JSON), errorHandler);
		pipeline.setObservationRegistry(registry);
		return pipeline;
	}

	private static long parked(List<Thread> threads) {
		synchronized (threads) {
			return threads.stream()
				.filter((thread) -> (thread.getState() == Thread.State.WAITING
						|| thread.getState() == Thread.State.TIMED_WAITING) && List.of(thread.getStackTrace())
					.stream()
					.anyMatch((element) -> element.getClassName().equals("java.util.concurrent.Semaphore")))
				.count();
		}
	}

	private static TopicEndpoint endpoint(Handlers handlers, String name, int concurrency) throws Exception {
		Method method = Handlers.class.getDeclaredMethod(name, List.class);
		return new TopicEndpoint("pubsub", "orders", null, 0, null, Map.of(), false, handlers, method, concurrency,
				BulkSubscribe.DEFAULTS);
	}

	private static BulkEntry entry(String id, String json) {
		return new BulkEntry(id, new IncomingEvent("pubsub", "orders", json.getBytes(StandardCharsets.UTF_8),
				Map.of("id", id, "datacontenttype", "application/json")));
	}

	record Order(String id) {
	}

	static class Handlers {

		final AtomicReference<List<Order>> orders = new AtomicReference<>();

		final AtomicReference<Observation> observation = new AtomicReference<>();

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger mostRunning = new AtomicInteger();

		final CountDownLatch release = new CountDownLatch(1);

		CountDownLatch entered = new CountDownLatch(0);

		ObservationRegistry registry = ObservationRegistry.NOOP;

		void orders(List<Order> orders) {
			this.orders.set(List.copyOf(orders));
			this.observation.set(this.registry.getCurrentObservation());
		}

		void failing(List<Order> orders) {
			throw new IllegalStateException("not now");
		}

		void block(List<Order> orders) throws InterruptedException {
			int now = this.running.incrementAndGet();
			this.mostRunning.accumulateAndGet(now, Math::max);
			this.entered.countDown();
			this.release.await();
			this.running.decrementAndGet();
		}

	}

}
