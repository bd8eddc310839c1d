package dev.daprspring.boot.autoconfigure.badinput;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.junit.DaprSidecarExtension;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprPermissionDeniedException;

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
				.withMessageContaining("Set dapr.client.api-token (or DAPR_API_TOKEN) to the token daprd was started with");
		}
	}

	@Test
	void wrongTokenIsRefusedAndDoesNotShowEitherToken() {
		try (DaprTransport transport = transport("wrong-token")) {
			DaprTemplate template = new DaprTemplate(transport, JsonMapper.builder().build());
			assertThatExceptionOfType(DaprPermissionDeniedException.class)
				.isThrownBy(() -> template.state().delete(Sentinel.KEY))
				.withMessageContaining("Set dapr.client.api-token")
				.withMessageNotContaining("wrong-token")
				.withMessageNotContaining(TOKEN);
		}
	}

	private static DaprTransport transport(@Nullable String token) {
		DaprSidecar sidecar = dapr.sidecar();
		return new DaprTransport(DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), token));
	}

}
