package dev.daprspring.boot.autoconfigure.secret;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Parsing of {@code dapr:secretstore/...} locations and the connection bound for them.
 */
class DaprSecretStoreConfigDataLocationResolverTests {

	final DaprSecretStoreConfigDataLocationResolver resolver = new DaprSecretStoreConfigDataLocationResolver();

	@Test
	void resolvesOnlyItsOwnPrefix() {
		ConfigDataLocationResolverContext context = context(Map.of());
		assertThat(this.resolver.isResolvable(context, ConfigDataLocation.of("dapr:secretstore/files"))).isTrue();
		assertThat(this.resolver.isResolvable(context, ConfigDataLocation.of("optional:dapr:secretstore/files")))
			.isTrue();
		assertThat(this.resolver.isResolvable(context, ConfigDataLocation.of("classpath:app.properties"))).isFalse();
	}

	@Test
	void aStoreAloneImportsEverySecret() {
		DaprSecretStoreConfigDataResource resource = resolve("dapr:secretstore/files", Map.of());
		assertThat(resource.storeName()).isEqualTo("files");
		assertThat(resource.key()).isNull();
		assertThat(resource.optional()).isFalse();
		assertThat(resource.location()).isEqualTo("dapr:secretstore/files");
	}

	@Test
	void aKeyAfterTheStoreImportsOneSecretAndMayHoldSlashes() {
		DaprSecretStoreConfigDataResource resource = resolve("optional:dapr:secretstore/vault/app/db", Map.of());
		assertThat(resource.storeName()).isEqualTo("vault");
		assertThat(resource.key()).isEqualTo("app/db");
		assertThat(resource.optional()).isTrue();
		assertThat(resource.location()).isEqualTo("dapr:secretstore/vault/app/db");
	}

	@Test
	void theConnectionComesFromDaprClientProperties() {
		DaprSecretStoreConfigDataResource resource = resolve("dapr:secretstore/files",
				Map.of("dapr.client.grpc-endpoint", "http://10.0.0.1:50005", "dapr.client.api-token", "t0ken",
						"dapr.client.timeout", "7s"));
		assertThat(resource.options().grpcEndpoint()).isEqualTo("http://10.0.0.1:50005");
		assertThat(resource.options().apiToken()).isEqualTo("t0ken");
		assertThat(resource.options().timeout()).isEqualTo(Duration.ofSeconds(7));
		assertThat(resource).hasToString("dapr:secretstore/files (Dapr sidecar at http://10.0.0.1:50005)");
	}

	@Test
	void aLocationWithoutAStoreSaysHowToWriteIt() {
		for (String location : List.of("dapr:secretstore", "dapr:secretstore/", "dapr:secretstores/files",
				"dapr:secretstore//key")) {
			assertThatIllegalArgumentException().isThrownBy(() -> resolve(location, Map.of()))
				.withMessageContaining("'" + location + "' names no secret store")
				.withMessageContaining("dapr:secretstore/<store>/<key>");
		}
	}

	private DaprSecretStoreConfigDataResource resolve(String location, Map<String, String> properties) {
		List<DaprSecretStoreConfigDataResource> resources = this.resolver.resolve(context(properties),
				ConfigDataLocation.of(location));
		assertThat(resources).hasSize(1);
		return resources.get(0);
	}

	private static ConfigDataLocationResolverContext context(Map<String, String> properties) {
		ConfigDataLocationResolverContext context = mock(ConfigDataLocationResolverContext.class);
		given(context.getBinder()).willReturn(new Binder(new MapConfigurationPropertySource(properties)));
		given(context.getBootstrapContext()).willReturn(new DefaultBootstrapContext());
		return context;
	}

}
