package dev.daprspring.boot.autoconfigure.badinput.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprPermissionDeniedException;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tokens and secret values never reach the log or the actuator, even at TRACE: one
 * application with a launched sidecar that requires an API token, sends an app API token,
 * and serves a secret imported through {@code spring.config.import}, exercised through
 * deliveries, refused calls in both directions and the actuator endpoints ({@code env}
 * and {@code configprops} with {@code show-values=always}).
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsIntegrationTests {

	static final String API_TOKEN = "api-token-7f3a9c";

	static final String APP_API_TOKEN = "app-token-52d1e8";

	static final String SECRET = "s3cret-value-0b6e4d";

	@TempDir
	static Path folder;

	static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() throws IOException {
		Path secrets = Files.writeString(folder.resolve("secrets.json"), "{\"db-password\": \"" + SECRET + "\"}");
		Path components = Files.createDirectories(folder.resolve("components"));
		Files.writeString(components.resolve("components.yaml"), """
				apiVersion: dapr.io/v1alpha1
				kind: Component
				metadata:
				  name: statestore
				spec:
				  type: state.in-memory
				  version: v1
				---
				apiVersion: dapr.io/v1alpha1
				kind: Component
				metadata:
				  name: pubsub
				spec:
				  type: pubsub.in-memory
				  version: v1
				---
				apiVersion: dapr.io/v1alpha1
				kind: Component
				metadata:
				  name: files
				spec:
				  type: secretstores.local.file
				  version: v1
				  metadata:
				  - name: secretsFile
				    value: "%s"
				""".formatted(secrets));
		context = new SpringApplicationBuilder(App.class).properties("spring.application.name=secrets-stay-out",
				"server.port=0", "dapr.sidecar.launch=always", "dapr.sidecar.resources-paths=" + components,
				"dapr.sidecar.api-token=" + API_TOKEN, "dapr.sidecar.app-api-token=" + APP_API_TOKEN,
				"spring.config.import=dapr:secretstore/files", "logging.level.dev.daprspring=TRACE",
				"management.endpoints.web.exposure.include=health,dapr,env,configprops",
				"management.endpoint.health.show-details=always", "management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always")
			.run();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void noTokenOrSecretValueIsLoggedOrShownWhateverTheAppDoes(CapturedOutput output) {
		Received received = context.getBean(Received.class);
		assertThat(context.getBean(DbPassword.class).value).as("the imported secret").isEqualTo(SECRET);

		// Deliveries and reads with the right tokens.
		DaprOperations dapr = context.getBean(DaprOperations.class);
		dapr.pubsub("pubsub").publish("audit", "hello");
		await().atMost(Duration.ofSeconds(30)).until(() -> received.events.contains("hello"));
		assertThat(dapr.secrets("files").get("db-password")).containsValue(SECRET);

		// A client with a wrong token, and callers of the app without or with a wrong one.
		DaprSidecar sidecar = context.getBean(DaprSidecar.class);
		try (DaprTransport transport = new DaprTransport(
				DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), "wrong-" + API_TOKEN))) {
			assertThatExceptionOfType(DaprPermissionDeniedException.class)
				.isThrownBy(() -> new DaprTemplate(transport, JsonMapper.builder().build())
					.state("statestore")
					.save("k", SECRET));
		}
		RestClient app = RestClient.create("http://127.0.0.1:" + port());
		assertThat(status(app.post().uri("/dapr/topics/pubsub/audit").header("dapr-api-token", "wrong-" + APP_API_TOKEN)
			.body("{\"data\": \"" + SECRET + "\"}"))).isEqualTo(401);
		assertThat(status(app.post().uri("/dapr/topics/pubsub/audit").body("{\"data\": \"" + SECRET + "\"}")))
			.isEqualTo(401);

		// An attribute daprd passes on in its metadata, as anyone with the API token can set one.
		RestClient.create(sidecar.httpEndpoint())
			.put()
			.uri("/v1.0/metadata/db-password")
			.header("dapr-api-token", API_TOKEN)
			.body(SECRET)
			.retrieve()
			.toBodilessEntity();

		// What the actuator shows, with every value shown that Spring Boot would show.
		String actuator = app.get().uri("/actuator/dapr").retrieve().body(String.class)
				+ app.get().uri("/actuator/health").retrieve().body(String.class)
				+ app.get().uri("/actuator/env").retrieve().body(String.class)
				+ app.get().uri("/actuator/configprops").retrieve().body(String.class);
		assertThat(actuator).contains("dapr").doesNotContain(API_TOKEN, APP_API_TOKEN, SECRET);

		assertThat(output.getAll()).as("everything logged")
			.contains("secrets-stay-out")
			.doesNotContain(API_TOKEN, APP_API_TOKEN, SECRET);
	}

	private static int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static int status(RestClient.RequestBodySpec request) {
		return request.header("Content-Type", "application/cloudevents+json")
			.exchange((req, response) -> response.getStatusCode().value());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Received.class, DbPassword.class })
	static class App {

	}

	static class Received {

		final List<String> events = new CopyOnWriteArrayList<>();

		@Topic(name = "audit")
		void audit(String text) {
			this.events.add(text);
		}

	}

	static class DbPassword {

		final String value;

		DbPassword(@Value("${db-password}") String value) {
			this.value = value;
		}

	}

}
