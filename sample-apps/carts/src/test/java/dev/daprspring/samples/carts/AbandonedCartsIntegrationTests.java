package dev.daprspring.samples.carts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static dev.daprspring.samples.carts.CartsHttp.cart;
import static dev.daprspring.samples.carts.CartsHttp.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The abandoned-cart reminder, with {@code carts.abandon-after} two seconds. Idle carts are
 * deactivated after a second, so a reminder usually finds its cart inactive and activates it.
 * That a reminder was unregistered is checked against a witness: a cart filled after the
 * unregistration, with the same due time, whose reminder fires later than the unregistered
 * one would have.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "dapr.sidecar.launch=always",
		"carts.abandon-after=2s", "dapr.actors.idle-timeout=1s", "dapr.actors.scan-interval=1s" })
class AbandonedCartsIntegrationTests {

	@LocalServerPort
	int port;

	CartsHttp carts;

	@BeforeEach
	void client() {
		this.carts = new CartsHttp(this.port);
	}

	@Test
	void aCartLeftAloneIsEmptiedAndMarkedAbandonedByItsReminder() {
		add("ada", "book", 2);
		add("ada", "pen", 1);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.carts.view("ada")).isEqualTo(cart("ada", List.of(), true)));
		assertThat(this.carts.abandonedCarts()).containsEntry("ada", 1);

		// The next change starts a new cart, with a new reminder.
		assertThat(add("ada", "lamp", 1)).isEqualTo(cart("ada", List.of(line("lamp", 1)), false));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Integer.valueOf(2).equals(this.carts.abandonedCarts().get("ada")));
		assertThat(this.carts.view("ada")).isEqualTo(cart("ada", List.of(), true));
	}

	@Test
	void checkoutUnregistersTheReminder() {
		add("linus", "book", 2);
		assertThat(this.carts.checkout("linus").getStatusCode()).isEqualTo(HttpStatus.OK);

		add("linus-witness", "book", 1);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.carts.abandonedCarts().containsKey("linus-witness"));
		assertThat(this.carts.abandonedCarts()).doesNotContainKey("linus");
		assertThat(this.carts.view("linus")).isEqualTo(cart("linus", List.of(), false));
	}

	@Test
	void removingTheLastItemUnregistersTheReminder() {
		add("grace", "book", 1);
		assertThat(this.carts.remove("grace", "book").getBody()).isEqualTo(cart("grace", List.of(), false));

		add("grace-witness", "book", 1);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.carts.abandonedCarts().containsKey("grace-witness"));
		assertThat(this.carts.abandonedCarts()).doesNotContainKey("grace");
		assertThat(this.carts.view("grace")).isEqualTo(cart("grace", List.of(), false));
	}

	private Map<String, Object> add(String customer, String item, int quantity) {
		ResponseEntity<Map<String, Object>> response = this.carts.add(customer, item, quantity);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

}
