package dev.daprspring.messaging.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.messaging.binding.BindingEndpoint;
import dev.daprspring.messaging.binding.BindingEndpointRegistry;
import dev.daprspring.messaging.binding.BindingEventDispatcher;
import dev.daprspring.messaging.handler.TopicHandlerMethodFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DaprBindingServlet}: what it answers daprd's {@code OPTIONS} and
 * {@code POST /<binding>}, and how handlers get the body and metadata. The end-to-end
 * path with a real daprd is covered by the auto-configuration's integration tests.
 */
@ExtendWith(OutputCaptureExtension.class)
class DaprBindingServletTests {

	private final Handlers handlers = new Handlers();

	private final BindingEndpointRegistry registry = new BindingEndpointRegistry();

	private final DaprBindingServlet servlet;

	DaprBindingServletTests() {
		register("orders", "order");
		register("texts", "text");
		register("bytes", "bytes");
		register("failing", "failing");
		this.servlet = new DaprBindingServlet(this.registry,
				new BindingEventDispatcher(TopicHandlerMethodFactory.create(new JsonMapper())));
	}

	@Test
	void optionsAnswers200ForARegisteredBindingAnd404ForAnother() throws Exception {
		assertThat(call("OPTIONS", "/orders", "").getStatus()).isEqualTo(200);
		assertThat(call("OPTIONS", "/unknown", "").getStatus()).isEqualTo(404);
	}

	@Test
	void aJsonBodyIsConvertedToTheRecordAndMetadataHeadersAreReadByLowerCaseName() throws Exception {
		MockHttpServletRequest request = request("POST", "/orders", "{\"id\":\"o-1\",\"quantity\":2}");
		request.addHeader("Partition-Key", "p-7");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.servlet.service(request, response);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsByteArray()).isEmpty();
		assertThat(this.handlers.received).containsExactly(new Order("o-1", 2), "p-7", "orders");
	}

	@Test
	void stringAndByteArrayHandlersGetTheBodyAsItIs() throws Exception {
		assertThat(call("POST", "/texts", "plain text, not JSON").getStatus()).isEqualTo(200);
		assertThat(call("POST", "/bytes", "raw").getStatus()).isEqualTo(200);
		assertThat(this.handlers.received).first().isEqualTo("plain text, not JSON");
		assertThat((byte[]) this.handlers.received.get(1)).containsExactly("raw".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aFailingHandlerAnswers500AndTheFailureIsLogged(CapturedOutput output) throws Exception {
		assertThat(call("POST", "/failing", "x").getStatus()).isEqualTo(500);
		assertThat(output).contains("Handlers.failing(String) of input binding 'failing' failed")
			.contains("out of stock");
	}

	@Test
	void aBodyThatIsNotJsonOfTheDeclaredTypeAnswers500NamingTheType(CapturedOutput output) throws Exception {
		assertThat(call("POST", "/orders", "not json").getStatus()).isEqualTo(500);
		assertThat(output).contains("is not JSON of type").contains(Order.class.getName());
	}

	@Test
	void aBodyAboveTheMaxBodySizeIsAnswered413AndTheHandlerIsNotCalled() throws Exception {
		this.servlet.setMaxBodySize(8);
		assertThat(call("POST", "/texts", "12345678").getStatus()).isEqualTo(200);
		MockHttpServletResponse tooLarge = call("POST", "/texts", "123456789");
		assertThat(tooLarge.getStatus()).isEqualTo(413);
		assertThat(tooLarge.getContentAsString()).startsWith("The body of POST /texts (9 bytes) is larger than the "
				+ "8 bytes the app accepts (dapr.app.max-body-size, which should equal the sidecar's --max-body-size)");
		assertThat(this.handlers.received).containsExactly("12345678");
	}

	@Test
	void withATokenARequestNeedsTheMatchingDaprApiTokenHeader(CapturedOutput output) throws Exception {
		this.servlet.setAppApiToken("s3cret");
		assertThat(call("POST", "/texts", "secret body").getStatus()).isEqualTo(401);
		MockHttpServletRequest wrong = request("OPTIONS", "/texts", "");
		wrong.addHeader("dapr-api-token", "guess");
		MockHttpServletResponse wrongResponse = new MockHttpServletResponse();
		this.servlet.service(wrong, wrongResponse);
		assertThat(wrongResponse.getStatus()).isEqualTo(401);
		MockHttpServletRequest right = request("POST", "/texts", "secret body");
		right.addHeader("dapr-api-token", "s3cret");
		MockHttpServletResponse rightResponse = new MockHttpServletResponse();
		this.servlet.service(right, rightResponse);
		assertThat(rightResponse.getStatus()).isEqualTo(200);
		assertThat(this.handlers.received).containsExactly("secret body");
		assertThat(output).contains("has no dapr-api-token header").contains("does not match")
			.doesNotContain("secret body");
	}

	private void register(String binding, String method) {
		this.registry.register(new BindingEndpoint(binding, this.handlers, ReflectionUtils.getUniqueDeclaredMethods(
				Handlers.class, (candidate) -> candidate.getName().equals(method))[0]));
	}

	private MockHttpServletResponse call(String method, String path, String body) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.servlet.service(request(method, path, body), response);
		return response;
	}

	private static MockHttpServletRequest request(String method, String path, String body) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

	record Order(String id, int quantity) {
	}

	static class Handlers {

		final List<Object> received = new ArrayList<>();

		void order(Order order, @Header("partition-key") String partitionKey,
				@Header(BindingEventDispatcher.BINDING_HEADER) String binding) {
			this.received.add(order);
			this.received.add(partitionKey);
			this.received.add(binding);
		}

		void text(String text) {
			this.received.add(text);
		}

		void bytes(byte[] bytes) {
			this.received.add(bytes);
		}

		void failing(String text) {
			throw new IllegalStateException("out of stock");
		}

	}

}
