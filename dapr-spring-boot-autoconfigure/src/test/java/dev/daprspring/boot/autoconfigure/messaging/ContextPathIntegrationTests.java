package dev.daprspring.boot.autoconfigure.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.metadata.SidecarMetadata;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP app channel under a servlet context path, with a real daprd: daprd reads
 * {@code /dapr/subscribe} at the root of the app port and has no option to prefix it, so it
 * finds no subscriptions and delivers nothing; the application says so at startup. What it
 * serves under the context path is still consistent (routes include the context path), for
 * a proxy that maps the root to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "server.servlet.context-path=/shop" })
@ExtendWith(OutputCaptureExtension.class)
class ContextPathIntegrationTests {

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theSidecarFindsNoSubscriptionsAndTheStartupWarningSaysWhatToUseInstead(CapturedOutput output) {
		SidecarMetadata metadata = this.dapr.metadata();
		assertThat(metadata.subscriptions()).extracting(SidecarMetadata.Subscription::topic).doesNotContain("shop-orders");
		assertThat(output).contains("server.servlet.context-path is '/shop', but daprd reads /dapr/subscribe at the "
				+ "root of the app port");
	}

	@Test
	void theSubscriptionsUnderTheContextPathRouteToPathsUnderItAndThoseDeliver() throws Exception {
		HttpResponse<String> subscribe = this.http.send(HttpRequest.newBuilder(uri("/shop/dapr/subscribe")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(subscribe.statusCode()).isEqualTo(200);
		JsonNode document = new JsonMapper().readTree(subscribe.body());
		assertThat(document.get(0).path("routes").path("default").asString())
			.isEqualTo("/shop/dapr/topics/pubsub/shop-orders");
		HttpResponse<String> root = this.http.send(HttpRequest.newBuilder(uri("/dapr/subscribe")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(root.statusCode()).isEqualTo(404);
		HttpResponse<String> delivered = this.http.send(HttpRequest.newBuilder(uri("/shop/dapr/topics/pubsub/shop-orders"))
			.header("Content-Type", "application/cloudevents+json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"specversion\":\"1.0\",\"id\":\"p-1\",\"source\":\"proxy\","
					+ "\"type\":\"t\",\"datacontenttype\":\"text/plain\",\"data\":\"through a proxy\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(delivered.body()).isEqualTo("{\"status\":\"SUCCESS\"}");
		assertThat(this.received.<String>next("shop-orders")).isEqualTo("through a proxy");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Received.class, ShopHandlers.class })
	static class App {

	}

	/**
	 * One handler.
	 */
	static class ShopHandlers {

		private final Received received;

		ShopHandlers(Received received) {
			this.received = received;
		}

		@Topic(name = "shop-orders")
		void orders(String text) {
			this.received.add("shop-orders", text);
		}

	}

}
