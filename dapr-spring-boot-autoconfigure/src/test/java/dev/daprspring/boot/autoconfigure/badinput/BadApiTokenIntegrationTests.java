package dev.daprspring.boot.autoconfigure.badinput;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.actuate.SidecarProbe;
import dev.daprspring.boot.actuate.health.DaprHealthIndicator;
import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.test.junit.DaprSidecarExtension;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprPermissionDeniedException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's side of the API token: a sidecar started with {@code DAPR_API_TOKEN} refuses
 * calls without it or with another one, and says which property to set.
 */
class BadApiTokenIntegrationTests {

	private static final String TOKEN = "right-token";

	@RegisterExtension
	static DaprSidecarExtension dapr = new DaprSidecarExtension(DaprSidecar.builder("catalogue-token")
		.component(DaprComponents.inMemoryState("statestore"))
		.apiToken(TOKEN));

	private DaprTransport rightTransport;

	private DaprTemplate right;

	@BeforeEach
	void storeSentinel() {
		this.rightTransport = transport(TOKEN);
		this.right = new DaprTemplate(this.rightTransport, JsonMapper.builder().build());
		Sentinel.store(this.right, "statestore");
	}

	@AfterEach
	void sentinelIsIntact() {
		Sentinel.assertIntact(this.right, "statestore");
		this.rightTransport.close();
	}

	@Test
	void missingTokenIsRefusedNamingThePropertyToSet() {
		try (DaprTransport transport = transport(null)) {
			DaprTemplate template = new DaprTemplate(transport, JsonMapper.builder().build());
			assertThatExceptionOfType(DaprPermissionDeniedException.class)
				.isThrownBy(() -> template.state().save(Sentinel.KEY, "overwritten"))
				.withMessageContaining("rejected state.save on 'statestore'")
				.withMessageContaining("Give the client the API token (DAPR_API_TOKEN) daprd was started with");
		}
	}

	@Test
	void wrongTokenIsRefusedAndDoesNotShowEitherToken() {
		try (DaprTransport transport = transport("wrong-token")) {
			DaprTemplate template = new DaprTemplate(transport, JsonMapper.builder().build());
			assertThatExceptionOfType(DaprPermissionDeniedException.class)
				.isThrownBy(() -> template.state().delete(Sentinel.KEY))
				.withMessageContaining("Give the client the API token (DAPR_API_TOKEN)")
				.withMessageNotContaining("wrong-token")
				.withMessageNotContaining(TOKEN);
		}
	}

	@Test
	void healthIsDownWhenTheSidecarRefusesTheTokenAndUpWithTheRightOne() {
		Health refused = health("wrong-token").health();
		assertThat(refused.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) refused.getDetails().get("reason"))
			.startsWith("The sidecar refuses this application's API token, so every call fails with 401")
			.endsWith("Give the app the token daprd runs with: dapr.client.api-token or DAPR_API_TOKEN")
			.doesNotContain("wrong-token")
			.doesNotContain(TOKEN);
		assertThat(health(TOKEN).health().getStatus()).isEqualTo(Status.UP);
	}

	private static DaprHealthIndicator health(String token) {
		DaprSidecar sidecar = dapr.sidecar();
		DaprConnectionDetails connection = new DaprConnectionDetails() {
			@Override
			public String getGrpcEndpoint() {
				return sidecar.grpcEndpoint();
			}

			@Override
			public String getHttpEndpoint() {
				return sidecar.httpEndpoint();
			}

			@Override
			public String getApiToken() {
				return token;
			}
		};
		return new DaprHealthIndicator(new SidecarProbe(connection, JsonMapper.builder().build(), Duration.ofSeconds(5)));
	}

	private static DaprTransport transport(@Nullable String token) {
		DaprSidecar sidecar = dapr.sidecar();
		return new DaprTransport(DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), token));
	}

}
