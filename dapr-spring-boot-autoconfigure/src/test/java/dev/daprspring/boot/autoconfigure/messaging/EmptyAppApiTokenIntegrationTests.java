package dev.daprspring.boot.autoconfigure.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.DaprOperations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dapr.app.api-token=} (empty, as an unset environment variable in a template
 * gives) counts as unset: the app still requires the token its launched daprd sends,
 * instead of admitting every caller (the application of {@link AppApiTokenIntegrationTests}).
 */
@SpringBootTest(classes = AppApiTokenIntegrationTests.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dapr.sidecar.launch=always", "dapr.sidecar.app-api-token=launched-token", "dapr.app.api-token=" })
class EmptyAppApiTokenIntegrationTests {

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	@LocalServerPort
	int port;

	@Test
	void aDeliveryWithoutTheTokenIsStillRejectedAndTheSidecarStillDelivers() throws Exception {
		HttpResponse<Void> forged = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/dapr/topics/pubsub/guarded"))
			.header("Content-Type", "application/cloudevents+json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"specversion\":\"1.0\",\"id\":\"forged\",\"data\":\"x\"}"))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(forged.statusCode()).isEqualTo(401);
		this.dapr.pubsub().publish("guarded", "from the sidecar");
		assertThat(this.received.<String>next("guarded")).isEqualTo("from the sidecar");
	}

}
