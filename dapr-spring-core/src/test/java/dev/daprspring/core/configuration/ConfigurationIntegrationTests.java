package dev.daprspring.core.configuration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.dapr.v1.DaprConfigurationProtos.UnsubscribeConfigurationRequest;
import io.dapr.v1.DaprConfigurationProtos.UnsubscribeConfigurationResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponent;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.boot.sidecar.testsupport.RedisCommands;
import dev.daprspring.boot.sidecar.testsupport.SidecarGrpc;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprComponentNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * The configuration API against a real daprd with {@code configuration.redis}.
 */
class ConfigurationIntegrationTests {

	// Bounds the polls that wait for a change to travel Redis → daprd → this client.
	static final Duration PATIENCE = Duration.ofSeconds(30);

	static LocalRedisServer redis;

	static DaprSidecar sidecar;

	static DaprSidecar bare;

	static DaprTransport transport;

	static DaprTemplate dapr;

	final AtomicInteger version = new AtomicInteger();

	@BeforeAll
	static void start() {
		redis = LocalRedisServer.start();
		sidecar = DaprSidecar.builder("configuration-tests").component(configStore()).start();
		bare = DaprSidecar.builder("no-configuration-stores")
			.component(DaprComponents.inMemoryState("statestore"))
			.start();
		transport = new DaprTransport(DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), null));
		dapr = new DaprTemplate(transport, JsonMapper.builder().build());
	}

	@AfterAll
	static void stop() {
		transport.close();
		sidecar.close();
		bare.close();
		redis.close();
	}

	static DaprComponent configStore() {
		return DaprComponent.of("configstore", "configuration.redis")
			.withMetadata("redisHost", redis.address())
			.withMetadata("redisPassword", "");
	}

	@Test
	void readsValuesAndVersionsStoredAsValueBarBarVersion() {
		redis("SET", "colour", "blue||7");
		redis("SET", "size", "L");
		assertThat(redis("GET", "colour")).isEqualTo("blue||7");
		Map<String, ConfigurationItem> items = dapr.configuration("configstore").get("colour", "size", "missing");
		assertThat(items).containsOnlyKeys("colour", "size");
		assertThat(items.get("colour")).isEqualTo(new ConfigurationItem("blue", "7", Map.of()));
		assertThat(items.get("size")).isEqualTo(new ConfigurationItem("L", null, Map.of()));
		assertThat(dapr.configuration("configstore").get()).containsKeys("colour", "size");
	}

	@Test
	void deliversChangesUntilUnsubscribed() throws Exception {
		ConfigurationOperations configuration = dapr.configuration("configstore");
		BlockingQueue<Map<String, ConfigurationItem>> changes = new LinkedBlockingQueue<>();
		ConfigurationSubscription subscription = configuration.subscribe(List.of("feature"), changes::add);
		assertThat(subscription.id()).isNotEmpty();
		assertThat(subscription.isActive()).isTrue();
		assertThat(subscription.storeName()).isEqualTo("configstore");
		assertThat(subscription.keys()).containsExactly("feature");

		ConfigurationItem changed = awaitChange(changes, "feature", "on", () -> setVersioned("feature", "on"));
		assertThat(changed.value()).isEqualTo("on");
		assertThat(changed.version()).isNotNull();

		// A deleted key arrives with an empty value.
		ConfigurationItem deleted = awaitChange(changes, "feature", "", () -> redis("DEL", "feature"));
		assertThat(deleted.value()).isEmpty();

		subscription.unsubscribe();
		assertThat(subscription.isActive()).isFalse();
		subscription.close();
		// The sidecar no longer knows the subscription.
		try (SidecarGrpc grpc = new SidecarGrpc(sidecar.grpcEndpoint(), null)) {
			UnsubscribeConfigurationResponse again = grpc.blocking()
				.unsubscribeConfiguration(UnsubscribeConfigurationRequest.newBuilder()
					.setStoreName("configstore")
					.setId(subscription.id())
					.build());
			assertThat(again.getOk()).isFalse();
			assertThat(again.getMessage()).contains("subscription does not exist");
		}
		changes.clear();
		// Once a second subscription has seen a later change, the first would have seen it too.
		BlockingQueue<Map<String, ConfigurationItem>> control = new LinkedBlockingQueue<>();
		try (ConfigurationSubscription second = configuration.subscribe(List.of("feature"), control::add)) {
			awaitChange(control, "feature", "later", () -> setVersioned("feature", "later"));
		}
		assertThat(changes).isEmpty();
	}

	@Test
	void aFailingListenerDoesNotEndTheSubscription() throws Exception {
		BlockingQueue<Map<String, ConfigurationItem>> changes = new LinkedBlockingQueue<>();
		AtomicInteger calls = new AtomicInteger();
		try (ConfigurationSubscription subscription = dapr.configuration("configstore")
			.subscribe(List.of("flaky"), (items) -> {
				if (calls.incrementAndGet() == 1) {
					throw new IllegalStateException("listener failure on purpose");
				}
				changes.add(items);
			})) {
			awaitChange(changes, "flaky", "x", () -> setVersioned("flaky", "x"));
			assertThat(calls.get()).isGreaterThan(1);
			assertThat(subscription.isActive()).isTrue();
		}
	}

	@Test
	void aSubscriptionEndsWhenItsSidecarStops() throws Exception {
		try (DaprSidecar own = DaprSidecar.builder("configuration-stop").component(configStore()).start();
				DaprTransport ownTransport = new DaprTransport(
						DaprClientOptions.of(own.grpcEndpoint(), own.httpEndpoint(), null))) {
			ConfigurationSubscription subscription = new DaprConfigurationOperations(ownTransport, "configstore")
				.subscribe(List.of("anything"), (items) -> {
				});
			assertThat(subscription.isActive()).isTrue();
			own.stop();
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			while (subscription.isActive() && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(subscription.isActive()).as("subscription open after its sidecar stopped").isFalse();
			// Nothing left to unsubscribe from: this must not fail.
			subscription.unsubscribe();
		}
	}

	@Test
	void anUnknownStoreNamesTheStoresTheSidecarHas() {
		ConfigurationOperations unknown = dapr.configuration("nope");
		assertThatExceptionOfType(DaprComponentNotFoundException.class).isThrownBy(() -> unknown.get("a"))
			.withMessageContaining("No configuration store named 'nope'")
			.withMessageContaining("it has: configstore (configuration.redis)");
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> unknown.subscribe(List.of("a"), (items) -> {
			}))
			.withMessageContaining("No configuration store named 'nope'")
			.withMessageContaining("configstore (configuration.redis)")
			.satisfies((ex) -> assertThat(ex.getDetails().operation()).isEqualTo("configuration.subscribe"));
	}

	@Test
	void anUnknownStoreOnASidecarWithoutConfigurationStoresSaysSo() {
		try (DaprTransport bareTransport = new DaprTransport(
				DaprClientOptions.of(bare.grpcEndpoint(), bare.httpEndpoint(), null))) {
			ConfigurationOperations unknown = new DaprConfigurationOperations(bareTransport, "nope");
			assertThatExceptionOfType(DaprComponentNotFoundException.class).isThrownBy(() -> unknown.get("a"))
				.withMessageContaining("No configuration store named 'nope'")
				.withMessageContaining("it has no configuration store loaded");
			assertThatExceptionOfType(DaprComponentNotFoundException.class)
				.isThrownBy(() -> unknown.subscribe(List.of(), (items) -> {
				}))
				.withMessageContaining("it has no configuration store loaded");
		}
	}

	private void setVersioned(String key, String value) {
		redis("SET", key, value + "||" + this.version.incrementAndGet());
	}

	/**
	 * Writes until a change of the key to the value arrives: daprd listens to Redis in the
	 * background, so a write right after subscribing can come before it does.
	 */
	static ConfigurationItem awaitChange(BlockingQueue<Map<String, ConfigurationItem>> changes, String key,
			String value, Runnable write) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() < deadline) {
			write.run();
			Map<String, ConfigurationItem> items;
			while ((items = changes.poll(250, TimeUnit.MILLISECONDS)) != null) {
				if (items.containsKey(key) && items.get(key).value().equals(value)) {
					return items.get(key);
				}
			}
		}
		return fail("No change of '" + key + "' to '" + value + "' arrived within " + PATIENCE
				+ "; sidecar log:\n" + sidecar.logTail(30));
	}

	static String redis(String... command) {
		return RedisCommands.send(redis, command);
	}

}
