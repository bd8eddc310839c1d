package dev.daprspring.boot.autoconfigure.idempotency;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.messaging.idempotency.CloudEventDeduplicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DaprIdempotencyAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DaprClientAutoConfiguration.class,
				DaprIdempotencyAutoConfiguration.class))
		.withPropertyValues("dapr.client.grpc-endpoint=http://127.0.0.1:1");

	@Test
	void noDeduplicatorUnlessAskedFor() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(CloudEventDeduplicator.class));
	}

	@Test
	void enabledGivesADeduplicatorOnTheDefaultStore() {
		this.runner.withPropertyValues("dapr.messaging.idempotency.enabled=true", "dapr.state.default-store=orders")
			.run((context) -> {
				assertThat(context).hasSingleBean(CloudEventDeduplicator.class);
				assertThat(context.getBean(CloudEventDeduplicator.class).key("shop", "e-1"))
					.isEqualTo("processed-event:shop/e-1");
				assertThat(context.getBean(CloudEventDeduplicator.class)).hasFieldOrPropertyWithValue("store",
						"orders");
			});
	}

	@Test
	void storeTtlAndPrefixComeFromProperties() {
		this.runner
			.withPropertyValues("dapr.messaging.idempotency.enabled=true", "dapr.messaging.idempotency.store=dedup",
					"dapr.messaging.idempotency.ttl=2h", "dapr.messaging.idempotency.key-prefix=seen:")
			.run((context) -> {
				CloudEventDeduplicator deduplicator = context.getBean(CloudEventDeduplicator.class);
				assertThat(deduplicator).hasFieldOrPropertyWithValue("store", "dedup")
					.hasFieldOrPropertyWithValue("ttl", Duration.ofHours(2));
				assertThat(deduplicator.key(null, "e-1")).isEqualTo("seen:e-1");
			});
	}

	@Test
	void aTtlBelowOneSecondFailsTheStartupNamingTheProperty() {
		this.runner.withPropertyValues("dapr.messaging.idempotency.enabled=true", "dapr.messaging.idempotency.ttl=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("TTL of a CloudEventDeduplicator must be at least one second"));
	}

}
