package dev.daprspring.core.invoke;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.client.DaprClientOptions;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * What {@link DaprServiceInvocation} sends, checked without a sidecar; the calls through a
 * real daprd are in the Boot module's {@code DaprServiceInvocationIntegrationTests}.
 */
class DaprServiceInvocationTests {

	private final RestClient.Builder builder = RestClient.builder();

	private final MockRestServiceServer server = MockRestServiceServer.bindTo(this.builder).build();

	@Test
	void requestsGoToTheInvokePathOfTheAppWithTheApiToken() {
		this.server.expect(requestTo("http://127.0.0.1:3500/v1.0/invoke/orders/method/orders/7?expand=lines"))
			.andExpect(method(HttpMethod.GET))
			.andExpect(header("dapr-api-token", "s3cret"))
			.andRespond(withSuccess("seven", MediaType.TEXT_PLAIN));
		String body = invocation("s3cret").restClient("orders")
			.get()
			.uri("/orders/{id}?expand={expand}", 7, "lines")
			.retrieve()
			.body(String.class);
		assertThat(body).isEqualTo("seven");
		this.server.verify();
	}

	@Test
	void noTokenIsSentWhenNoneIsSet() {
		this.server.expect(requestTo("http://127.0.0.1:3500/v1.0/invoke/orders.production/method/health"))
			.andExpect(headerDoesNotExist("dapr-api-token"))
			.andRespond(withSuccess());
		invocation(null).restClient("orders.production").get().uri("/health").retrieve().toBodilessEntity();
		this.server.verify();
	}

	@Test
	void httpExchangeClientsCallTheApp() {
		this.server.expect(requestTo("http://127.0.0.1:3500/v1.0/invoke/orders/method/orders/42"))
			.andRespond(withSuccess("forty-two", MediaType.TEXT_PLAIN));
		assertThat(invocation(null).httpExchangeClient("orders", OrderClient.class).get(42)).isEqualTo("forty-two");
		this.server.verify();
	}

	@Test
	void theCallersBuilderIsLeftAsItWas() {
		invocation("s3cret").restClient("orders");
		this.server.expect(requestTo("http://elsewhere/x"))
			.andExpect(headerDoesNotExist("dapr-api-token"))
			.andRespond(withSuccess());
		this.builder.build().get().uri("http://elsewhere/x").retrieve().toBodilessEntity();
		this.server.verify();
	}

	@Test
	void anAppsOwnErrorWithAnotherDaprErrorCodeStaysTheAppsError() {
		// An app may relay an error it got from its own sidecar: only ERR_DIRECT_INVOKE
		// means the caller's sidecar could not invoke it.
		String relayed = "{\"errorCode\":\"ERR_STATE_GET\",\"message\":\"fail to get key\"}";
		this.server.expect(requestTo("http://127.0.0.1:3500/v1.0/invoke/orders/method/orders/1"))
			.andRespond(withStatus(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
				.body(relayed));
		assertThatExceptionOfType(HttpServerErrorException.InternalServerError.class)
			.isThrownBy(() -> invocation(null).restClient("orders").get().uri("/orders/1").retrieve().body(String.class))
			.isNotInstanceOf(DaprInvocationException.class)
			.satisfies((ex) -> assertThat(ex.getResponseBodyAsString()).isEqualTo(relayed));
	}

	@Test
	void anEmptyAppIdIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> invocation(null).restClient(" "))
			.withMessage("App id must not be empty: pass the Dapr app id of the app to call, for example 'orders'");
	}

	@Test
	void anAppIdWithAPathIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> invocation(null).restClient("orders/v1"))
			.withMessageContaining("App id 'orders/v1' must not contain '/'")
			.withMessageContaining("pass the Dapr app id alone, for example 'orders', and the path in the request");
	}

	@Test
	void httpExchangeClientsAreForInterfaces() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> invocation(null).httpExchangeClient("orders", String.class))
			.withMessage("java.lang.String is not an interface: HTTP interface clients are created for interfaces "
					+ "with @HttpExchange methods");
	}

	@Test
	void everyAbstractMethodNeedsAnHttpExchange() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> invocation(null).httpExchangeClient("orders", HalfAnnotatedClient.class))
			.withMessage(HalfAnnotatedClient.class.getName() + ".count() has no @HttpExchange: annotate it with "
					+ "@GetExchange, @PostExchange... to say which request it sends to app 'orders', or make it a "
					+ "default method");
	}

	@Test
	void defaultMethodsNeedNoHttpExchange() {
		this.server.expect(requestTo("http://127.0.0.1:3500/v1.0/invoke/orders/method/orders/1"))
			.andRespond(withSuccess("one", MediaType.TEXT_PLAIN));
		assertThat(invocation(null).httpExchangeClient("orders", OrderClient.class).first()).isEqualTo("one");
		this.server.verify();
	}

	private DaprServiceInvocation invocation(String apiToken) {
		return new DaprServiceInvocation(
				DaprClientOptions.of("http://127.0.0.1:50001", "http://127.0.0.1:3500/", apiToken), this.builder);
	}

	@HttpExchange("/orders")
	// Public, so the proxy may call its default method.
	public interface OrderClient {

		@GetExchange("/{id}")
		String get(@PathVariable long id);

		default String first() {
			return get(1);
		}

	}

	interface HalfAnnotatedClient {

		@GetExchange("/orders")
		String list();

		int count();

	}

}
