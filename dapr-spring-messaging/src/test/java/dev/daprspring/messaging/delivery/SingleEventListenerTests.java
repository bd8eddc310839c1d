package dev.daprspring.messaging.delivery;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.handler.CloudEventDataConverter;
import dev.daprspring.messaging.handler.TopicHandlerMethodFactory;
import dev.daprspring.messaging.observation.DefaultTopicDeliveryObservationConvention;
import dev.daprspring.messaging.observation.TopicDeliveryObservationContext;
import dev.daprspring.messaging.observation.TopicDeliveryObservationConvention;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the {@link TopicEventListener} of a handler of single events does around it: the
 * observation of each delivery and the per-handler concurrency limit.
 */
@ExtendWith(OutputCaptureExtension.class)
class SingleEventListenerTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final TopicEventListenerFactory listeners = listeners(this.registry);

	@Test
	void aSuccessfulDeliveryIsObservedWithPubsubTopicAndOutcomeSuccess() throws Exception {
		Handlers handlers = new Handlers();
		assertThat(this.listeners.create(endpoint(handlers, "accept", 0)).onEvent(event()))
			.isEqualTo(TopicEventStatus.SUCCESS);
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo(DefaultTopicDeliveryObservationConvention.NAME)
			.hasContextualNameEqualTo("orders receive")
			.hasLowCardinalityKeyValue("pubsub", "pubsub")
			.hasLowCardinalityKeyValue("topic", "orders")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("event.id", "evt-1")
			.doesNotHaveError()
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void aFailingHandlerIsObservedWithOutcomeRetryAndItsError() throws Exception {
		Handlers handlers = new Handlers();
		assertThat(this.listeners.create(endpoint(handlers, "fail", 0)).onEvent(event()))
			.isEqualTo(TopicEventStatus.RETRY);
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "retry")
			.assertThatError()
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("not now");
	}

	@Test
	void aDroppedEventIsObservedWithOutcomeDrop() throws Exception {
		Handlers handlers = new Handlers();
		assertThat(this.listeners.create(endpoint(handlers, "drop", 0)).onEvent(event()))
			.isEqualTo(TopicEventStatus.DROP);
		assertThat(this.registry).hasSingleObservationThat().hasLowCardinalityKeyValue("outcome", "drop");
	}

	@Test
	void theHandlerRunsInTheObservationWhoseCarrierGivesTheEventsTraceContext() throws Exception {
		Handlers handlers = new Handlers();
		handlers.registry = this.registry;
		this.listeners.create(endpoint(handlers, "accept", 0)).onEvent(event());
		Observation current = handlers.observation.get();
		assertThat(current).isNotNull();
		TopicDeliveryObservationContext context = (TopicDeliveryObservationContext) current.getContext();
		// A tracing handler reads these through the getter to continue the publisher's trace.
		assertThat(context.getGetter().get(context.getCarrier(), "traceparent")).isEqualTo(TRACEPARENT);
		assertThat(context.getGetter().get(context.getCarrier(), "tracestate")).isEqualTo("dapr=1");
		assertThat(context.getGetter().get(context.getCarrier(), "baggage")).isNull();
	}

	@Test
	void anObservationConventionReplacesTheDefaultNameAndTags() throws Exception {
		this.listeners.setObservationConvention(new TopicDeliveryObservationConvention() {

			@Override
			public String getName() {
				return "orders.handled";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(TopicDeliveryObservationContext context) {
				return KeyValues.of("team", "shop");
			}

		});
		this.listeners.create(endpoint(new Handlers(), "accept", 0)).onEvent(event());
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("orders.handled")
			.hasLowCardinalityKeyValue("team", "shop")
			.doesNotHaveLowCardinalityKeyValueWithKey("outcome");
	}

	@Test
	void aHandlerWithAConcurrencyLimitRunsAtMostThatManyDeliveriesAndTheOthersWaitInsteadOfBeingDropped()
			throws Exception {
		int limit = 2;
		int deliveries = 6;
		Handlers handlers = new Handlers();
		handlers.entered = new CountDownLatch(limit);
		TopicEndpoint endpoint = endpoint(handlers, "block", limit);
		TopicEventListener listener = listeners(ObservationRegistry.NOOP).create(endpoint);
		ExecutorService executor = Executors.newFixedThreadPool(deliveries);
		try {
			List<Thread> threads = new ArrayList<>();
			List<Future<TopicEventStatus>> statuses = new ArrayList<>();
			for (int i = 0; i < deliveries; i++) {
				statuses.add(executor.submit(() -> {
					synchronized (threads) {
						threads.add(Thread.currentThread());
					}
					return listener.onEvent(event());
				}));
			}
			handlers.entered.await();
			// Every delivery beyond the limit must have reached the limit and be parked there.
			while (parked(threads) < deliveries - limit) {
				Thread.onSpinWait();
			}
			assertThat(handlers.running.get()).isEqualTo(limit);
			handlers.release.countDown();
			for (Future<TopicEventStatus> status : statuses) {
				assertThat(status.get()).isEqualTo(TopicEventStatus.SUCCESS);
			}
			assertThat(handlers.invocations.get()).isEqualTo(deliveries);
			assertThat(handlers.mostRunning.get()).isEqualTo(limit);
		}
		finally {
			handlers.release.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void aDeliveryThatFindsNoFreePermitWithinTheWaitAnswersRetryAndTheHandlerIsNotCalledForIt(CapturedOutput output)
			throws Exception {
		Handlers handlers = new Handlers();
		handlers.entered = new CountDownLatch(1);
		TopicEndpoint endpoint = endpoint(handlers, "block", 1);
		TopicEventListenerFactory unobserved = listeners(ObservationRegistry.NOOP);
		unobserved.setConcurrencyWait(Duration.ofMillis(50));
		TopicEventListener listener = unobserved.create(endpoint);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<TopicEventStatus> first = executor.submit(() -> listener.onEvent(event()));
			handlers.entered.await();
			assertThat(listener.onEvent(event())).isEqualTo(TopicEventStatus.RETRY);
			assertThat(output).contains("All 1 concurrent deliveries of SingleEventListenerTests.Handlers.block(String) "
					+ "stayed busy for PT0.05S (dapr.messaging.concurrency-wait); asking the sidecar to deliver the "
					+ "event again");
			handlers.release.countDown();
			assertThat(first.get()).isEqualTo(TopicEventStatus.SUCCESS);
			assertThat(handlers.invocations.get()).isEqualTo(1);
		}
		finally {
			handlers.release.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void aConcurrencyWaitThatIsNotPositiveIsRejectedWithAnExample() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> listeners(ObservationRegistry.NOOP).setConcurrencyWait(Duration.ZERO))
			.withMessage("The concurrency wait must be positive, for example 30s; got PT0S");
	}

	@Test
	void aNegativeConcurrencyIsRejectedNamingTheHandler() throws Exception {
		Handlers handlers = new Handlers();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> endpoint(handlers, "accept", -1))
			.withMessage("@Topic on SingleEventListenerTests.Handlers.accept(String) has concurrency -1; use a positive number, or leave it "
					+ "empty for no limit");
	}

	private static long parked(List<Thread> threads) {
		synchronized (threads) {
			return threads.stream()
				.filter((thread) -> (thread.getState() == Thread.State.WAITING
						|| thread.getState() == Thread.State.TIMED_WAITING) && isParkedOnTheLimit(thread.getStackTrace()))
				.count();
		}
	}

	private static boolean isParkedOnTheLimit(StackTraceElement[] stack) {
		for (StackTraceElement element : stack) {
			if (element.getClassName().equals("java.util.concurrent.Semaphore")) {
				return true;
			}
		}
		return false;
	}

	private static TopicEventListenerFactory listeners(ObservationRegistry registry) {
		JsonMapper json = new JsonMapper();
		TopicEventListenerFactory listeners = new TopicEventListenerFactory(TopicHandlerMethodFactory.create(json),
				new CloudEventDataConverter(json), new DefaultTopicErrorHandler());
		listeners.setObservationRegistry(registry);
		return listeners;
	}

	private static TopicEndpoint endpoint(Handlers handlers, String name, int concurrency) throws Exception {
		Method method = Handlers.class.getDeclaredMethod(name, String.class);
		return new TopicEndpoint("pubsub", "orders", null, 0, null, Map.of(), false, handlers, method, concurrency);
	}

	private static IncomingEvent event() {
		return new IncomingEvent("pubsub", "orders", "o-1".getBytes(StandardCharsets.UTF_8),
				Map.of("id", "evt-1", "traceparent", TRACEPARENT, "tracestate", "dapr=1"));
	}

	static class Handlers {

		final AtomicReference<Observation> observation = new AtomicReference<>();

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger mostRunning = new AtomicInteger();

		final AtomicInteger invocations = new AtomicInteger();

		final CountDownLatch release = new CountDownLatch(1);

		CountDownLatch entered = new CountDownLatch(0);

		ObservationRegistry registry = ObservationRegistry.NOOP;

		void accept(String payload) {
			this.observation.set(this.registry.getCurrentObservation());
		}

		void fail(String payload) {
			throw new IllegalStateException("not now");
		}

		void drop(String payload) {
			throw new DropMessageException("unusable");
		}

		void block(String payload) throws InterruptedException {
			this.invocations.incrementAndGet();
			int now = this.running.incrementAndGet();
			this.mostRunning.accumulateAndGet(now, Math::max);
			this.entered.countDown();
			this.release.await();
			this.running.decrementAndGet();
		}

	}

}
