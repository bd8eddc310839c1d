package dev.daprspring.boot.autoconfigure.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponent;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.messaging.binding.BindingEventDispatcher;
import dev.daprspring.messaging.binding.BindingListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An input binding over the HTTP app channel: daprd, launched by the application with a
 * {@code bindings.cron} component, asks {@code OPTIONS /tick} and then posts every tick
 * to the {@code @BindingListener("tick")} method.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "test.bindings.tick=tick" })
class BindingListenerIntegrationTests {

	@Autowired
	Received received;

	@Autowired
	DaprSidecar sidecar;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void resources(DynamicPropertyRegistry registry) throws IOException {
		Path folder = Files.createTempDirectory("dapr-binding-test");
		// With resources paths, the launcher adds no components: the pub/sub and state store are written too.
		for (DaprComponent component : new DaprComponent[] { DaprComponents.cronBinding("tick", "@every 1s"),
				DaprComponents.inMemoryPubSub("pubsub"), DaprComponents.inMemoryState("statestore") }) {
			Files.writeString(folder.resolve(component.name() + ".yaml"), component.toYaml());
		}
		registry.add("dapr.sidecar.resources-paths", folder::toString);
	}

	@Test
	void theCronBindingCallsTheListenerOfThePlaceholderNameAgainAndAgainWithItsMetadataAsHeaders() throws Exception {
		Tick first = this.received.next("tick");
		Tick second = this.received.next("tick");
		assertThat(first.binding()).isEqualTo("tick");
		assertThat(second.binding()).isEqualTo("tick");
		assertThat(first.readTimeUtc()).isNotBlank();
	}

	@Test
	void onlyTheBindingNameIsMappedAndTheRestOfTheRootStaysTheApplications() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<Void> other = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/tock"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(other.statusCode()).isNotEqualTo(200);
		HttpResponse<Void> nested = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/tick/more"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(nested.statusCode()).isEqualTo(404);
	}

	@Test
	void metadataNamedIdOrTimestampReachesTheHandlerUnderThePrefixedNameInsteadOfFailingTheEvent()
			throws Exception {
		// Over HTTP every request header is binding metadata; daprd passes an invocation's headers on.
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create(this.sidecar.httpEndpoint() + "/v1.0/invoke/" + this.sidecar.appId()
					+ "/method/stamped"))
			.header("id", "event-7")
			.header("timestamp", "1700000000")
			.POST(HttpRequest.BodyPublishers.ofString("stamped body"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.received.<String>next("stamped")).isEqualTo("stamped body event-7 1700000000");
	}

	record Tick(String binding, String readTimeUtc) {
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Received.class, CronListener.class })
	static class App {

	}

	/**
	 * Records every tick with the binding name and the cron binding's {@code readTimeUTC}
	 * metadata.
	 */
	static class CronListener {

		private final Received received;

		CronListener(Received received) {
			this.received = received;
		}

		@BindingListener("${test.bindings.tick}")
		void tick(@Header(BindingEventDispatcher.BINDING_HEADER) String binding,
				@Header(name = "readtimeutc", required = false) String readTimeUtc) {
			this.received.add("tick", new Tick(binding, (readTimeUtc != null) ? readTimeUtc : ""));
		}

		@BindingListener("stamped")
		void stamped(String body, @Header(BindingEventDispatcher.RESERVED_METADATA_PREFIX + "id") String id,
				@Header(BindingEventDispatcher.RESERVED_METADATA_PREFIX + "timestamp") String timestamp) {
			this.received.add("stamped", body + " " + id + " " + timestamp);
		}

	}

}
