package dev.daprspring.boot.actuate.endpoint;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.client.DaprCallPolicy;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.ResilientCallPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class ClientDescriptorTests {

	private final DaprClientOptions options = new DaprClientOptions("http://127.0.0.1:50001", "http://127.0.0.1:3500",
			"s3cret", Duration.ofSeconds(60), 4096, null, Duration.ofSeconds(20));

	@Test
	void masksTheApiTokenAndShowsTheBuildingBlocksCircuitBreakers() {
		ClientDescriptor client = ClientDescriptor.of(this.options,
				new ResilientCallPolicy((block) -> ResilientCallPolicy.Settings.defaults()));
		assertThat(client.apiToken()).isEqualTo(ClientDescriptor.MASK);
		assertThat(client.grpcEndpoint()).isEqualTo("http://127.0.0.1:50001");
		assertThat(client.maxMessageSize()).isEqualTo(4096);
		assertThat(client.resilience().enabled()).isTrue();
		assertThat(client.resilience().circuitBreakers()).containsOnlyKeys("state", "pubsub", "bindings", "secrets",
				"configuration", "metadata", "actors", "jobs", "crypto")
			.containsEntry("state", "CLOSED");
	}

	@Test
	void withoutAResilientPolicyShowsNoCircuitBreakers() {
		ClientDescriptor client = ClientDescriptor.of(this.options, DaprCallPolicy.NONE);
		assertThat(client.resilience().enabled()).isFalse();
		assertThat(client.resilience().circuitBreakers()).isEmpty();
		assertThat(ClientDescriptor.of(this.options, null).resilience().enabled()).isFalse();
	}

}
