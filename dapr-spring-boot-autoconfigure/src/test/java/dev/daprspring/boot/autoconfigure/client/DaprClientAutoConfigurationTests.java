package dev.daprspring.boot.autoconfigure.client;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
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
	void aTemplateIsConfiguredFromTheClientAndStateProperties() {
		this.contextRunner
			.withPropertyValues("dapr.client.grpc-endpoint=http://127.0.0.1:1", "dapr.client.timeout=3s",
					"dapr.client.max-message-size=8MB", "dapr.client.keep-alive-time=30s",
					"dapr.state.default-store=orders")
			.run((context) -> {
				assertThat(context).hasSingleBean(DaprTemplate.class).hasSingleBean(DaprTransport.class);
				DaprClientOptions options = context.getBean(DaprClientOptions.class);
				assertThat(options.grpcEndpoint()).isEqualTo("http://127.0.0.1:1");
				assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(options.maxInboundMessageSize()).isEqualTo(8 * 1024 * 1024);
				assertThat(options.keepAliveTime()).isEqualTo(Duration.ofSeconds(30));
				assertThat(context.getBean(DaprTemplate.class).state().storeName()).isEqualTo("orders");
			});
	}

	@Test
	void theApplicationsJsonMapperIsReused() {
		JsonMapper mapper = JsonMapper.builder().build();
		this.contextRunner.withBean(JsonMapper.class, () -> mapper)
			.run((context) -> assertThat(context.getBean(DaprTemplate.class).getConverter().getJsonMapper())
				.isSameAs(mapper));
	}

	@Test
	void aUserTemplateWins() {
		this.contextRunner
			.withBean("myTemplate", DaprTemplate.class,
					() -> new DaprTemplate(new DaprTransport(DaprClientOptions.of("http://127.0.0.1:1",
							"http://127.0.0.1:2", null)), JsonMapper.builder().build()))
			.run((context) -> assertThat(context).hasSingleBean(DaprTemplate.class).hasBean("myTemplate"));
	}

	@Test
	void invalidPropertiesAreRejectedAtStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("dapr.client.timeout=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("dapr.client.timeout")
				.hasMessageContaining("must be positive, for example 60s; got PT-1S"));
		this.contextRunner.withPropertyValues("dapr.client.grpc-endpoint=ftp://nowhere")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("dapr.client.grpc-endpoint")
				.hasMessageContaining("must be http://host:port (plaintext), https://host:port (TLS) or unix:/path/to/socket, for example "
						+ "http://127.0.0.1:50001; got 'ftp://nowhere'"));
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
