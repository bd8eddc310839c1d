package dev.daprspring.samples.orders;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.DaprSidecar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as its README runs it: the application launches its own daprd with in-memory
 * components.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dapr.sidecar.launch=always")
class OrdersApplicationIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	DaprSidecar sidecar;

	RestClient http;

	@BeforeEach
	void client() {
		this.http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void placedOrderIsConfirmedByItsEventAndListedByStatus() {
		ResponseEntity<Map<String, Object>> placed = post(Map.of("item", "book", "quantity", 2));
		assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Map<String, Object> order = placed.getBody();
		assertThat(order).containsEntry("status", "PLACED").containsEntry("item", "book").containsEntry("quantity", 2);
		String id = (String) order.get("id");
		assertThat(id).isNotBlank();
		assertThat(placed.getHeaders().getLocation()).hasToString("/orders/" + id);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/orders/" + id).getBody()).containsEntry("status", "CONFIRMED"));

		List<Map<String, Object>> confirmed = this.http.get()
			.uri("/orders?status=CONFIRMED")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(confirmed).extracting((o) -> o.get("id")).contains(id);
		List<Map<String, Object>> placedOnly = this.http.get()
			.uri("/orders?status=PLACED")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(placedOnly).extracting((o) -> o.get("id")).doesNotContain(id);
		List<Map<String, Object>> all = this.http.get().uri("/orders").retrieve().body(new ParameterizedTypeReference<>() {
		});
		assertThat(all).extracting((o) -> o.get("id")).contains(id);
	}

	@Test
	void orderWithoutItemIsRejectedWithProblemDetails() {
		ResponseEntity<Map<String, Object>> response = post(Map.of("quantity", 2));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("status", 400)
			.containsEntry("title", "Invalid order")
			.containsEntry("detail", "item must not be blank (was missing)");
	}

	@Test
	void orderWithNonPositiveQuantityIsRejectedWithProblemDetails() {
		ResponseEntity<Map<String, Object>> response = post(Map.of("item", "book", "quantity", 0));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("status", 400)
			.containsEntry("detail", "quantity must be greater than 0 (was '0')");
	}

	@Test
	void ordersArePagedAndSortedThroughAPageableParameter() {
		post(Map.of("item", "page-a", "quantity", 91));
		post(Map.of("item", "page-b", "quantity", 92));
		post(Map.of("item", "page-c", "quantity", 93));
		ResponseEntity<Map<String, Object>> page = get("/orders/pages?page=0&size=2&sort=quantity,desc");
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).extractingByKey("content")
			.asInstanceOf(InstanceOfAssertFactories.list(Map.class))
			.extracting((order) -> order.get("item"))
			.containsExactly("page-c", "page-b");
		assertThat(page.getBody()).extractingByKey("page")
			.asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
			.containsEntry("size", 2)
			.containsEntry("number", 0);
	}

	@Test
	void unknownOrderIsNotFound() {
		assertThat(get("/orders/no-such-order").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void unknownStatusIsRejected() {
		ResponseEntity<Map<String, Object>> response = get("/orders?status=SHIPPED");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void actuatorReportsHealthAndDaprClientMetrics() {
		ResponseEntity<Map<String, Object>> health = get("/actuator/health");
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody()).containsEntry("status", "UP");
		assertThat(health.getBody()).extractingByKey("components")
			.asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
			.extractingByKey("dapr")
			.asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
			.containsEntry("status", "UP");
		String dapr = this.http.get().uri("/actuator/dapr").retrieve().body(String.class);
		assertThat(dapr).contains("\"statestore\"").contains("\"orders\"");

		post(Map.of("item", "pen", "quantity", 1));
		String prometheus = this.http.get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(prometheus).contains("dapr_client_requests_seconds_count");
		assertThat(get("/actuator/metrics/dapr.client.requests").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void appIsServedOnTheLaunchedSidecarsAppPort() {
		assertThat(this.sidecar.isRunning()).isTrue();
		assertThat(this.sidecar.appPort()).isEqualTo(this.port);
	}

	private ResponseEntity<Map<String, Object>> post(Map<String, Object> body) {
		return this.http.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JSON);
	}

	private ResponseEntity<Map<String, Object>> get(String uri) {
		return this.http.get().uri(uri).retrieve().toEntity(JSON);
	}

}
