package dev.daprspring.boot.autoconfigure.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.component.DaprComponent;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.messaging.annotation.Topic;
import dev.daprspring.messaging.binding.BindingListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app API token: the launched daprd sends {@code dapr-api-token} on every call to the
 * app, the app requires it by default, and a caller without it or with another token is
 * turned away with 401 on every sidecar-to-app endpoint. A cron input binding shows the
 * binding routes get the token from daprd too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "dapr.sidecar.app-api-token=" + AppApiTokenIntegrationTests.TOKEN })
@ExtendWith(OutputCaptureExtension.class)
class AppApiTokenIntegrationTests {

	static final String TOKEN = "app-token-for-tests";

	private static final String SECRET_PAYLOAD = "{\"card\":\"4111-secret\"}";

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void resources(DynamicPropertyRegistry registry) throws IOException {
		Path folder = Files.createTempDirectory("dapr-app-token-test");
		for (DaprComponent component : new DaprComponent[] { DaprComponents.cronBinding("guarded-binding", "@every 1s"),
				DaprComponents.inMemoryPubSub("pubsub"), DaprComponents.inMemoryState("statestore") }) {
			Files.writeString(folder.resolve(component.name() + ".yaml"), component.toYaml());
		}
		registry.add("dapr.sidecar.resources-paths", folder::toString);
	}

	@Test
	void theSidecarDeliversWithTheTokenEndToEnd() throws Exception {
		this.dapr.pubsub().publish("guarded", "with the token");
		assertThat(this.received.<String>next("guarded")).isEqualTo("with the token");
	}

	@Test
	void theSidecarCallsTheBindingListenerWithTheToken() throws Exception {
		// The cron binding posts an empty body.
		assertThat(this.received.<String>next("guarded-binding")).isEmpty();
	}

	@Test
	void aDeliveryWithoutTheTokenIsRejectedWith401AndItsPayloadIsNotLogged(CapturedOutput output) throws Exception {
		assertThat(post("/dapr/topics/pubsub/guarded", (request) -> request)).isEqualTo(401);
		assertThat(output).contains("has no dapr-api-token header").doesNotContain("4111-secret");
	}

	@Test
	void aDeliveryWithAnotherTokenIsRejectedWith401(CapturedOutput output) throws Exception {
		assertThat(post("/dapr/topics/pubsub/guarded", (request) -> request.header("dapr-api-token", "wrong")))
			.isEqualTo(401);
		assertThat(output).contains("does not match").doesNotContain("4111-secret");
	}

	@Test
	void theSubscriptionsAndTheBindingRoutesNeedTheTokenToo() throws Exception {
		HttpResponse<Void> subscribe = this.http.send(HttpRequest.newBuilder(uri("/dapr/subscribe")).GET().build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(subscribe.statusCode()).isEqualTo(401);
		assertThat(post("/guarded-binding", (request) -> request)).isEqualTo(401);
		assertThat(post("/guarded-binding", (request) -> request.header("dapr-api-token", "wrong"))).isEqualTo(401);
		assertThat(post("/dapr/topics/pubsub/guarded", (request) -> request.header("dapr-api-token", TOKEN)))
			.isEqualTo(200);
		assertThat(this.received.<String>next("guarded")).isEqualTo(SECRET_PAYLOAD);
	}

	private int post(String path, UnaryOperator<HttpRequest.Builder> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"test\","
					+ "\"type\":\"t\",\"datacontenttype\":\"application/json\",\"data\":" + SECRET_PAYLOAD + "}"));
		return this.http.send(headers.apply(request).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Received.class, GuardedHandlers.class })
	static class App {

	}

	/**
	 * A topic handler and a binding listener behind the token.
	 */
	static class GuardedHandlers {

		private final Received received;

		GuardedHandlers(Received received) {
			this.received = received;
		}

		@Topic(name = "guarded")
		void guarded(String text) {
			this.received.add("guarded", text);
		}

		@BindingListener("guarded-binding")
		void binding(@Payload(required = false) @Nullable String body) {
			this.received.add("guarded-binding", (body != null) ? body : "");
		}

	}

}
