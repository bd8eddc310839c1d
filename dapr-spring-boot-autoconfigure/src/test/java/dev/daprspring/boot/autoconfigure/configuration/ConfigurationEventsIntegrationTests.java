package dev.daprspring.boot.autoconfigure.configuration;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.dapr.v1.DaprConfigurationProtos.UnsubscribeConfigurationRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponent;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.boot.sidecar.testsupport.RedisCommands;
import dev.daprspring.boot.sidecar.testsupport.SidecarGrpc;
import dev.daprspring.core.configuration.ConfigurationSubscription;
import dev.daprspring.core.error.DaprComponentNotFoundException;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * Changes of a real {@code configuration.redis} store reaching {@code @EventListener}
 * methods as {@link DaprConfigurationChangedEvent}s.
 */
class ConfigurationEventsIntegrationTests {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static LocalRedisServer redis;

	static DaprSidecar sidecar;

	@BeforeAll
	static void start() {
		redis = LocalRedisServer.start();
		sidecar = DaprSidecar.builder("configuration-events")
			.component(DaprComponent.of("configstore", "configuration.redis")
				.withMetadata("redisHost", redis.address())
				.withMetadata("redisPassword", ""))
			.start();
	}

	@AfterAll
	static void stop() {
		sidecar.close();
		redis.close();
	}

	@Test
	void changesArriveAsEventsWhileTheApplicationRuns() throws Exception {
		List<ConfigurationSubscription> subscriptions;
		try (ConfigurableApplicationContext context = run("configstore")) {
			BlockingQueue<DaprConfigurationChangedEvent> events = context.getBean(ChangeCollector.class).events;
			DaprConfigurationChangedEvent event = awaitEvent(events, "greeting", "hello");
			assertThat(event.getStore()).isEqualTo("configstore");
			assertThat(event.getItems().get("greeting").version()).isNotNull();
			subscriptions = context.getBean(DaprConfigurationSubscriptions.class).getSubscriptions();
			assertThat(subscriptions).singleElement()
				.satisfies((subscription) -> assertThat(subscription.keys()).containsExactly("greeting", "farewell"));
		}
		// Stopping the application ended the subscription at the sidecar.
		try (SidecarGrpc grpc = new SidecarGrpc(sidecar.grpcEndpoint(), null)) {
			assertThat(grpc.blocking()
				.unsubscribeConfiguration(UnsubscribeConfigurationRequest.newBuilder()
					.setStoreName("configstore")
					.setId(subscriptions.get(0).id())
					.build())
				.getMessage()).contains("subscription does not exist");
		}
	}

	@Test
	void anUnknownStoreFailsTheStartupNamingTheStoresTheSidecarHas() {
		assertThatExceptionOfType(ApplicationContextException.class).isThrownBy(() -> run("nope"))
			.withMessageContaining("daprConfigurationSubscriptions")
			.havingCause()
			.isInstanceOf(DaprComponentNotFoundException.class)
			.withMessageContaining("No configuration store named 'nope'")
			.withMessageContaining("configstore (configuration.redis)");
	}

	private static ConfigurableApplicationContext run(String store) {
		return new SpringApplicationBuilder(EventsApp.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run("--dapr.client.grpc-endpoint=" + sidecar.grpcEndpoint(),
					"--dapr.configuration.subscriptions[0].store=" + store,
					"--dapr.configuration.subscriptions[0].keys=greeting,farewell");
	}

	/** Sets the key until an event with the value arrives: daprd starts listening to Redis in the background. */
	private static DaprConfigurationChangedEvent awaitEvent(BlockingQueue<DaprConfigurationChangedEvent> events,
			String key, String value) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		for (int version = 1; System.nanoTime() < deadline; version++) {
			RedisCommands.send(redis, "SET", key, value + "||" + version);
			DaprConfigurationChangedEvent event = events.poll(250, TimeUnit.MILLISECONDS);
			if (event != null && event.getItems().containsKey(key)) {
				return event;
			}
		}
		return fail("No DaprConfigurationChangedEvent for '" + key + "' within " + PATIENCE);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class EventsApp {

		@Bean
		ChangeCollector changeCollector() {
			return new ChangeCollector();
		}

	}

	static class ChangeCollector {

		final BlockingQueue<DaprConfigurationChangedEvent> events = new LinkedBlockingQueue<>();

		@EventListener
		void onChange(DaprConfigurationChangedEvent event) {
			this.events.add(event);
		}

	}

}
