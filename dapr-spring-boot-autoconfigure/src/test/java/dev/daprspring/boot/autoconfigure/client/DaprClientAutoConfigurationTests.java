package dev.daprspring.boot.autoconfigure.client;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DaprClientAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DaprClientAutoConfiguration.class));

	@Test
	void connectionDetailsComeFromProperties() {
		this.contextRunner
			.withPropertyValues("dapr.client.grpc-endpoint=http://sidecar:6001",
					"dapr.client.http-endpoint=http://sidecar:6000", "dapr.client.api-token=secret")
			.run((context) -> {
				DaprConnectionDetails details = context.getBean(DaprConnectionDetails.class);
				assertThat(details.getGrpcEndpoint()).isEqualTo("http://sidecar:6001");
				assertThat(details.getHttpEndpoint()).isEqualTo("http://sidecar:6000");
				assertThat(details.getApiToken()).isEqualTo("secret");
			});
	}

	@Test
	void userConnectionDetailsWin() {
		DaprConnectionDetails own = new DaprConnectionDetails() {
			@Override
			public String getGrpcEndpoint() {
				return "http://own:1";
			}

			@Override
			public String getHttpEndpoint() {
				return "http://own:2";
			}
		};
		this.contextRunner.withBean(DaprConnectionDetails.class, () -> own)
			.run((context) -> assertThat(context.getBean(DaprConnectionDetails.class)).isSameAs(own));
	}

	@Test
	void unsetPropertiesFallBackToDaprEnvironmentVariables() {
		DaprClientProperties properties = new DaprClientProperties();
		Map<String, String> env = Map.of("DAPR_GRPC_PORT", "51001", "DAPR_HTTP_ENDPOINT", "https://dapr.example:443",
				"DAPR_API_TOKEN", "from-env");
		PropertiesDaprConnectionDetails details = new PropertiesDaprConnectionDetails(properties, env);
		assertThat(details.getGrpcEndpoint()).isEqualTo("http://127.0.0.1:51001");
		assertThat(details.getHttpEndpoint()).isEqualTo("https://dapr.example:443");
		assertThat(details.getApiToken()).isEqualTo("from-env");
	}

	@Test
	void defaultsAreDaprsStandardPorts() {
		PropertiesDaprConnectionDetails details = new PropertiesDaprConnectionDetails(new DaprClientProperties(),
				Map.of());
		assertThat(details.getGrpcEndpoint()).isEqualTo("http://127.0.0.1:50001");
		assertThat(details.getHttpEndpoint()).isEqualTo("http://127.0.0.1:3500");
		assertThat(details.getApiToken()).isNull();
	}

}
