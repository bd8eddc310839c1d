package dev.daprspring.samples.carts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daprspring.actors.client.ActorProxyFactory;
import dev.daprspring.actors.client.DaprActorInvocationException;
import dev.daprspring.boot.sidecar.controlplane.DaprPlacement;
import dev.daprspring.boot.sidecar.controlplane.DaprScheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static dev.daprspring.samples.carts.CartsHttp.cart;
import static dev.daprspring.samples.carts.CartsHttp.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The sample as its README runs it, on a launched daprd with the placement and scheduler
 * processes the launcher starts because the application hosts the {@code Cart} actor. Idle
 * carts are deactivated after a second; none is abandoned while these tests run (the
 * default {@code carts.abandon-after} is 30 minutes).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "dapr.sidecar.launch=always",
		"dapr.actors.idle-timeout=1s", "dapr.actors.scan-interval=1s" })
class CartsApplicationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DaprPlacement placement;

	@Autowired
	DaprScheduler scheduler;

	@Autowired
	ActorProxyFactory actors;

	CartsHttp carts;

	@BeforeEach
	void client() {
		this.carts = new CartsHttp(this.port);
	}

	@Test
	void theControlPlaneIsLaunchedBecauseTheApplicationHostsCarts() {
		assertThat(this.placement.isRunning()).isTrue();
		assertThat(this.scheduler.isRunning()).isTrue();
	}

	@Test
	void itemsAreAddedViewedAndRemovedThroughTheRestApi() {
		assertThat(this.carts.add("ada", "book", 2).getBody()).isEqualTo(cart("ada", List.of(line("book", 2)), false));
		this.carts.add("ada", "pen", 1);
		assertThat(this.carts.add("ada", "book", 1).getBody())
			.isEqualTo(cart("ada", List.of(line("book", 3), line("pen", 1)), false));
		assertThat(this.carts.view("ada")).isEqualTo(cart("ada", List.of(line("book", 3), line("pen", 1)), false));

		ResponseEntity<Map<String, Object>> removed = this.carts.remove("ada", "pen");
		assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(removed.getBody()).isEqualTo(cart("ada", List.of(line("book", 3)), false));
		assertThat(this.carts.view("ada")).isEqualTo(cart("ada", List.of(line("book", 3)), false));
		assertThat(this.carts.view("someone-else")).isEqualTo(cart("someone-else", List.of(), false));
	}

	@Test
	void aCartKeepsItsItemsWhenItsActorIsDeactivatedAndActivatedAgain() {
		// The call activated the actor (@PostConstruct listed it as active) ...
		this.carts.add("grace", "lamp", 1);
		// ... and after a second without calls daprd deactivates it: the instance is destroyed
		// (@PreDestroy removes it from the list) ...
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.carts.activeCarts().contains("grace"));
		// ... so this call activates a new instance, which reads the cart from the state store.
		assertThat(this.carts.view("grace")).isEqualTo(cart("grace", List.of(line("lamp", 1)), false));
	}

	@Test
	void checkoutEmptiesTheCartIntoAReceipt() {
		this.carts.add("linus", "book", 2);
		this.carts.add("linus", "pen", 3);
		ResponseEntity<Map<String, Object>> receipt = this.carts.checkout("linus");
		assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(receipt.getBody()).isEqualTo(Map.of("customer", "linus", "items",
				List.of(line("book", 2), line("pen", 3)), "totalQuantity", 5));
		assertThat(this.carts.view("linus")).isEqualTo(cart("linus", List.of(), false));
	}

	@Test
	void aNonPositiveQuantityOrAMissingItemIsRejectedBeforeTheCartIsCalled() {
		this.carts.add("barbara", "book", 1);
		ResponseEntity<Map<String, Object>> negative = this.carts.add("barbara", "book", -1);
		assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(negative.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(negative.getBody()).containsEntry("title", "Invalid cart item")
			.containsEntry("detail", "quantity must be greater than 0");
		ResponseEntity<Map<String, Object>> unnamed = this.carts.post("/carts/barbara/items", Map.of("quantity", 1));
		assertThat(unnamed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unnamed.getBody()).containsEntry("detail", "item must not be blank");
		assertThat(this.carts.view("barbara")).isEqualTo(cart("barbara", List.of(line("book", 1)), false));
	}

	@Test
	void removingAnItemTheCartDoesNotHoldIsNotFound() {
		this.carts.add("edsger", "book", 1);
		ResponseEntity<Map<String, Object>> response = this.carts.remove("edsger", "tea");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("title", "The cart refused the request")
			.containsEntry("actor", "Cart/edsger")
			.containsEntry("detail",
					"Actor Cart/edsger threw java.util.NoSuchElementException in remove: tea is not in the cart of edsger");
		assertThat(this.carts.view("edsger")).isEqualTo(cart("edsger", List.of(line("book", 1)), false));
	}

	@Test
	void checkingOutAnEmptyCartIsAConflict() {
		ResponseEntity<Map<String, Object>> response = this.carts.checkout("alan");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(response.getBody()).containsEntry("detail", "Actor Cart/alan threw java.lang.IllegalStateException "
				+ "in checkout: The cart of alan is empty: there is nothing to check out");
	}

	@Test
	void theCartRefusesANonPositiveQuantityFromAnyCallerAndKeepsWhatItHad() {
		Cart cart = this.actors.proxy(Cart.class, "margaret");
		cart.add(new CartItem("book", 1));
		assertThatExceptionOfType(DaprActorInvocationException.class)
			.isThrownBy(() -> cart.add(new CartItem("book", -2)))
			.withMessage("Actor Cart/margaret threw java.lang.IllegalArgumentException in add: The quantity of book "
					+ "must be at least 1, not -2")
			.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo(IllegalArgumentException.class.getName()));
		assertThat(cart.view()).isEqualTo(new CartView("margaret", List.of(new CartItem("book", 1)), false));
	}

}
