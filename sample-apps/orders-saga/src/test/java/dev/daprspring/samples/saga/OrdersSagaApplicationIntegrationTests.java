package dev.daprspring.samples.saga;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.controlplane.DaprPlacement;
import dev.daprspring.boot.sidecar.controlplane.DaprScheduler;
import dev.daprspring.samples.saga.OrderResult.Outcome;
import dev.daprspring.samples.saga.OrderResult.StepFailure;
import dev.daprspring.samples.saga.Payments.LedgerEntry;
import dev.daprspring.workflows.client.WorkflowInstance;
import dev.daprspring.workflows.client.WorkflowOperations;
import dev.daprspring.workflows.client.WorkflowStatus;
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

/**
 * The sample as its README runs it, on a launched daprd with the placement and scheduler
 * processes the launcher starts because the application runs a workflow. Each saga is
 * followed to its end, then the in-memory services are checked for what it left behind.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dapr.sidecar.launch=always")
class OrdersSagaApplicationIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	WorkflowOperations workflows;

	@Autowired
	Inventory inventory;

	@Autowired
	Payments payments;

	@Autowired
	Shipping shipping;

	@Autowired
	DaprPlacement placement;

	@Autowired
	DaprScheduler scheduler;

	@Test
	void theControlPlaneIsLaunchedBecauseTheApplicationRunsAWorkflow() {
		assertThat(this.placement.isRunning()).isTrue();
		assertThat(this.scheduler.isRunning()).isTrue();
	}

	@Test
	void anOrderThatGoesThroughIsReservedPaidAndShippedWithNothingCompensated() {
		int stock = this.inventory.available("book");
		String id = this.workflows.schedule(OrderSaga.class, new Order("ada", "book", 2, 40, "DE"));
		WorkflowInstance done = this.workflows.waitForCompletion(id, PATIENCE);

		assertThat(done.status()).isEqualTo(WorkflowStatus.COMPLETED);
		assertThat(done.customStatus(String.class)).isEqualTo("shipped");
		OrderResult result = done.output(OrderResult.class);
		assertThat(result.outcome()).isEqualTo(Outcome.SHIPPED);
		assertThat(result.failure()).isNull();
		assertThat(result.compensations()).isEmpty();
		assertThat(result.trackingNumber()).startsWith("TRK-");
		assertThat(this.shipping.shipment(id)).contains(new Shipment(id, result.trackingNumber(), "DE"));
		assertThat(this.inventory.available("book")).isEqualTo(stock - 2);
		assertThat(this.inventory.reservation(id)).contains(new Reservation(id, "book", 2));
		assertThat(this.payments.ledger(id)).containsExactly(new LedgerEntry(id, LedgerEntry.Kind.CHARGE, 40));
		assertThat(this.payments.balance(id)).isEqualTo(40);
	}

	@Test
	void aDeclinedPaymentReleasesTheReservedStock() {
		int stock = this.inventory.available("lamp");
		String id = this.workflows.schedule(OrderSaga.class, new Order("grace", "lamp", 1, 900, "FR"));
		WorkflowInstance done = this.workflows.waitForCompletion(id, PATIENCE);

		// The saga completes: its compensation is part of it, not a failure.
		assertThat(done.status()).isEqualTo(WorkflowStatus.COMPLETED);
		assertThat(done.customStatus(String.class)).isEqualTo("compensated");
		assertThat(done.output(OrderResult.class)).isEqualTo(new OrderResult(Outcome.COMPENSATED, null,
				new StepFailure("takePayment", PaymentDeclinedException.class.getName(),
						"Payment of 900 by grace declined: the limit is 500"),
				List.of("releaseStock")));
		assertThat(this.inventory.available("lamp")).isEqualTo(stock);
		assertThat(this.inventory.reservation(id)).isEmpty();
		assertThat(this.payments.ledger(id)).isEmpty();
		assertThat(this.shipping.shipment(id)).isEmpty();
	}

	@Test
	void anUnsupportedCountryRefundsThePaymentThenReleasesTheStock() {
		int stock = this.inventory.available("pen");
		String id = this.workflows.schedule(OrderSaga.class, new Order("linus", "pen", 3, 30, "US"));
		WorkflowInstance done = this.workflows.waitForCompletion(id, PATIENCE);

		assertThat(done.status()).isEqualTo(WorkflowStatus.COMPLETED);
		assertThat(done.output(OrderResult.class)).isEqualTo(new OrderResult(Outcome.COMPENSATED, null,
				new StepFailure("ship", UnsupportedCountryException.class.getName(),
						"No shipping to US: shipping delivers to [DE, FR, NL, BE]"),
				List.of("refundPayment", "releaseStock")));
		assertThat(this.inventory.available("pen")).isEqualTo(stock);
		assertThat(this.inventory.reservation(id)).isEmpty();
		assertThat(this.payments.ledger(id)).containsExactly(new LedgerEntry(id, LedgerEntry.Kind.CHARGE, 30),
				new LedgerEntry(id, LedgerEntry.Kind.REFUND, -30));
		assertThat(this.payments.balance(id)).isZero();
		assertThat(this.shipping.shipment(id)).isEmpty();
	}

	@Test
	void anItemOutOfStockFailsTheFirstStepWithNothingToCompensate() {
		int stock = this.inventory.available("lamp");
		String id = this.workflows.schedule(OrderSaga.class, new Order("edsger", "lamp", stock + 1, 20, "NL"));
		WorkflowInstance done = this.workflows.waitForCompletion(id, PATIENCE);

		assertThat(done.output(OrderResult.class)).isEqualTo(new OrderResult(Outcome.COMPENSATED, null,
				new StepFailure("reserveStock", OutOfStockException.class.getName(),
						(stock + 1) + " lamp ordered, " + stock + " in stock"),
				List.of()));
		assertThat(this.inventory.available("lamp")).isEqualTo(stock);
		assertThat(this.payments.ledger(id)).isEmpty();
	}

	@Test
	void theRestApiStartsASagaAndAnswersItsStatusAndResult() {
		int stock = this.inventory.available("book");
		ResponseEntity<Map<String, Object>> placed = post(
				Map.of("customer", "barbara", "item", "book", "quantity", 1, "amount", 25, "country", "BE"));
		assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String id = (String) placed.getBody().get("id");
		assertThat(placed.getHeaders().getLocation()).hasToString("/orders/" + id);

		this.workflows.waitForCompletion(id, PATIENCE);
		ResponseEntity<Map<String, Object>> order = get("/orders/" + id);
		assertThat(order.getStatusCode()).isEqualTo(HttpStatus.OK);
		String trackingNumber = this.shipping.shipment(id).orElseThrow().trackingNumber();
		assertThat(order.getBody()).isEqualTo(Map.of("id", id, "status", "COMPLETED", "step", "shipped", "result",
				Map.of("outcome", "SHIPPED", "trackingNumber", trackingNumber, "compensations", List.of())));
		assertThat(get("/stock").getBody()).containsEntry("book", stock - 1);
	}

	@Test
	void theRestApiAnswersACompensatedOrderWithTheFailedStep() {
		ResponseEntity<Map<String, Object>> placed = post(
				Map.of("customer", "alan", "item", "pen", "quantity", 1, "amount", 501, "country", "DE"));
		String id = (String) placed.getBody().get("id");

		this.workflows.waitForCompletion(id, PATIENCE);
		assertThat(get("/orders/" + id).getBody()).isEqualTo(Map.of("id", id, "status", "COMPLETED", "step",
				"compensated", "result",
				Map.of("outcome", "COMPENSATED", "failure",
						Map.of("step", "takePayment", "type", PaymentDeclinedException.class.getName(), "message",
								"Payment of 501 by alan declined: the limit is 500"),
						"compensations", List.of("releaseStock"))));
	}

	@Test
	void anUnknownOrderIsNotFoundAndAnInvalidOneIsRejectedBeforeASagaStarts() {
		ResponseEntity<Map<String, Object>> unknown = get("/orders/no-such-order");
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(unknown.getBody()).containsEntry("detail", "No order no-such-order");

		int instances = this.workflows.listInstanceIds().size();
		ResponseEntity<Map<String, Object>> invalid = post(
				Map.of("customer", "ada", "item", "book", "quantity", 0, "amount", 10, "country", ""));
		assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(invalid.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(invalid.getBody()).containsEntry("title", "Invalid order")
			.containsEntry("detail", "country must not be blank; quantity must be greater than 0");
		assertThat(this.workflows.listInstanceIds()).hasSize(instances);
	}

	private ResponseEntity<Map<String, Object>> post(Map<String, Object> order) {
		return http().post().uri("/orders").contentType(MediaType.APPLICATION_JSON).body(order).retrieve().toEntity(JSON);
	}

	private ResponseEntity<Map<String, Object>> get(String uri) {
		return http().get().uri(uri).retrieve().toEntity(JSON);
	}

	private RestClient http() {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

}
