package dev.daprspring.boot.autoconfigure.invoke;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.invoke.app.CallerApp;
import dev.daprspring.boot.autoconfigure.invoke.app.Order;
import dev.daprspring.boot.autoconfigure.invoke.app.OrderClient;
import dev.daprspring.boot.autoconfigure.invoke.app.TargetApp;
import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.invoke.DaprInvocationException;
import dev.daprspring.core.invoke.DaprServiceInvocation;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Service invocation between two Spring Boot apps, each with its own real daprd launched
 * by {@code dapr.sidecar.launch=always}: the caller's sidecar finds the target's through
 * mDNS, Dapr's self-hosted default. App ids carry a per-run suffix, because mDNS is shared
 * by every sidecar on the network.
 */
class DaprServiceInvocationIntegrationTests {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final String TARGET = "target-" + RUN;

	private static final String CALLER = "caller-" + RUN;

	// Both apps name JSON properties in snake_case: a client that ignored the app's
	// JsonMapper would read itemName as null.
	private static final String NAMING = "--spring.jackson.property-naming-strategy=SNAKE_CASE";

	private static ConfigurableApplicationContext target;

	private static ConfigurableApplicationContext caller;

	@BeforeAll
	static void startApps() {
		target = new SpringApplicationBuilder(TargetApp.class).web(WebApplicationType.SERVLET)
			.logStartupInfo(false)
			.run("--server.port=0", "--dapr.sidecar.launch=always", "--dapr.sidecar.app-id=" + TARGET, NAMING);
		caller = callerApp(CALLER);
	}

	@AfterAll
	static void stopApps() {
		if (caller != null) {
			caller.close();
		}
		if (target != null) {
			target.close();
		}
	}

	@Test
	void getReturnsTheTargetsRecordReadWithTheAppsJsonMapper() {
		RestClient orders = invocation(caller).restClient(TARGET);
		assertThat(orders.get().uri("/orders/{id}", 1).retrieve().body(String.class)).contains("\"item_name\":\"book\"");
		assertThat(orders.get().uri("/orders/{id}", 1).retrieve().body(Order.class)).isEqualTo(new Order(1, "book", 2));
	}

	@Test
	void theCallGoesFromTheCallersSidecarToTheTargets() {
		String seenCaller = invocation(caller).restClient(TARGET).get().uri("/caller").retrieve().body(String.class);
		assertThat(seenCaller).isEqualTo(CALLER);
	}

	@Test
	void postSendsTheBodyAndKeepsTheStatus() {
		RestClient orders = invocation(caller).restClient(TARGET);
		ResponseEntity<Order> created = orders.post()
			.uri("/orders")
			.body(new Order(7, "pen", 3))
			.retrieve()
			.toEntity(Order.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody()).isEqualTo(new Order(7, "pen", 3));
		assertThat(orders.get().uri("/orders/{id}", 7).retrieve().body(Order.class)).isEqualTo(new Order(7, "pen", 3));
	}

	@Test
	void pathVariablesAndQueryParametersReachTheTarget() {
		String echoed = invocation(caller).restClient(TARGET)
			.get()
			.uri("/echo/{text}?suffix={suffix}", "hello world", "&more")
			.retrieve()
			.body(String.class);
		assertThat(echoed).isEqualTo("hello world&more");
	}

	@Test
	void anHttpExchangeInterfaceBeanCallsTheTarget() {
		OrderClient client = caller.getBean(OrderClient.class);
		assertThat(client.get(1)).isEqualTo(new Order(1, "book", 2));
		ResponseEntity<Order> created = client.create(new Order(8, "ink", 1));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(client.get(8)).isEqualTo(new Order(8, "ink", 1));
		assertThatExceptionOfType(HttpClientErrorException.NotFound.class).isThrownBy(() -> client.get(404))
			.satisfies((ex) -> assertThat(ex.getResponseBodyAsString()).isEqualTo("No order 404"));
	}

	@Test
	void aNotFoundFromTheTargetKeepsItsStatusAndBody() {
		assertThatExceptionOfType(HttpClientErrorException.NotFound.class)
			.isThrownBy(() -> invocation(caller).restClient(TARGET).get().uri("/orders/{id}", 999).retrieve()
				.body(Order.class))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
				assertThat(ex.getResponseBodyAsString()).isEqualTo("No order 999");
			});
	}

	@Test
	void aServerErrorFromTheTargetKeepsItsStatusAndBody() {
		assertThatExceptionOfType(HttpServerErrorException.InternalServerError.class)
			.isThrownBy(() -> invocation(caller).restClient(TARGET).get().uri("/fail").retrieve().body(String.class))
			.isNotInstanceOf(DaprInvocationException.class)
			.satisfies((ex) -> assertThat(ex.getResponseBodyAsString()).isEqualTo("boom"));
	}

	@Test
	void anUnknownAppIdFailsSayingDaprCouldNotFindIt() {
		String unknown = "nobody-" + RUN;
		assertThatExceptionOfType(DaprInvocationException.class)
			.isThrownBy(() -> invocation(caller).restClient(unknown).get().uri("/orders/1").retrieve()
				.body(String.class))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
				assertThat(ex.getAppId()).isEqualTo(unknown);
				assertThat(ex.getErrorCode()).isEqualTo("ERR_DIRECT_INVOKE");
				assertThat(ex.getMessage()).startsWith("Dapr could not invoke app '" + unknown + "' (GET /orders/1): ")
					.contains("couldn't find service: " + unknown)
					.contains("Check the app id, and that the app runs with a Dapr sidecar this one can reach");
			});
	}

	@Test
	void daprTemplateCallsOtherAppsToo() {
		DaprOperations dapr = caller.getBean(DaprOperations.class);
		assertThat(dapr.restClient(TARGET).get().uri("/caller").retrieve().body(String.class)).isEqualTo(CALLER);
	}

	@Test
	void anAppCanCallItselfThroughItsOwnSidecar() {
		RestClient self = invocation(target).restClient(TARGET);
		assertThat(self.get().uri("/orders/{id}", 1).retrieve().body(Order.class)).isEqualTo(new Order(1, "book", 2));
	}

	@Test
	void callsCarryTheApiTokenOfTheCallersSidecar() {
		String tokenCaller = "token-caller-" + RUN;
		try (ConfigurableApplicationContext app = callerApp(tokenCaller, "--dapr.sidecar.api-token=s3cret")) {
			RestClient orders = invocation(app).restClient(TARGET);
			assertThat(orders.get().uri("/caller").retrieve().body(String.class)).isEqualTo(tokenCaller);
			assertThat(app.getBean(OrderClient.class).get(1)).isEqualTo(new Order(1, "book", 2));
		}
	}

	@Test
	void aMissingApiTokenFailsSayingWhichTokenToSet() {
		try (ConfigurableApplicationContext app = callerApp("token-caller-" + RUN, "--dapr.sidecar.api-token=s3cret")) {
			DaprSidecar sidecar = app.getBean(DaprSidecar.class);
			DaprServiceInvocation withoutToken = new DaprServiceInvocation(
					DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), null), RestClient.builder());
			assertThatExceptionOfType(DaprInvocationException.class)
				.isThrownBy(() -> withoutToken.restClient(TARGET).get().uri("/caller").retrieve().body(String.class))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
					assertThat(ex.getErrorCode()).isNull();
					assertThat(ex.getMessage()).isEqualTo("The Dapr sidecar at " + sidecar.httpEndpoint()
							+ " rejected the call to app '" + TARGET + "' (GET /caller): invalid api token. "
							+ "No dapr-api-token was sent: configure the token the sidecar was started with "
							+ "(its DAPR_API_TOKEN; dapr.client.api-token in Spring Boot).");
				});
			DaprServiceInvocation wrongToken = new DaprServiceInvocation(
					DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), "wrong"), RestClient.builder());
			assertThatExceptionOfType(DaprInvocationException.class)
				.isThrownBy(() -> wrongToken.restClient(TARGET).get().uri("/caller").retrieve().body(String.class))
				.withMessageContaining("The dapr-api-token sent is not the one the sidecar was started with");
		}
	}

	private static ConfigurableApplicationContext callerApp(String appId, String... arguments) {
		String[] all = new String[arguments.length + 4];
		all[0] = "--dapr.sidecar.launch=always";
		all[1] = "--dapr.sidecar.app-id=" + appId;
		all[2] = "--invoke-it.target-app-id=" + TARGET;
		all[3] = NAMING;
		System.arraycopy(arguments, 0, all, 4, arguments.length);
		return new SpringApplicationBuilder(CallerApp.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(all);
	}

	private static DaprServiceInvocation invocation(ConfigurableApplicationContext app) {
		return app.getBean(DaprServiceInvocation.class);
	}

}
