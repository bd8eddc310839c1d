package dev.daprspring.core.binding;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponent;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprConversionException;
import dev.daprspring.core.error.DaprApiException;
import dev.daprspring.core.error.DaprComponentNotFoundException;
import dev.daprspring.core.error.DaprUnsupportedOperationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Output bindings through {@link DaprTemplate#bindings()} against a real daprd with
 * {@code bindings.localstorage} and {@code bindings.http} (pointed at a small JDK HTTP
 * server on loopback).
 */
class BindingIntegrationTests {

	static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	static Path files;

	static HttpServer server;

	static final List<Received> requests = new CopyOnWriteArrayList<>();

	static DaprSidecar sidecar;

	static DaprTransport transport;

	static DaprTemplate dapr;

	record Order(String id, String item, int quantity) {
	}

	record Created(String fileName) {
	}

	record Received(String method, String path, String body) {
	}

	/** Jackson cannot write it: its only property throws. */
	static class Unwritable {

		public String getName() {
			throw new IllegalStateException("name is not loaded");
		}

	}

	@BeforeAll
	static void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", BindingIntegrationTests::serve);
		server.start();
		sidecar = DaprSidecar.builder("binding-tests")
			.component(DaprComponents.localStorageBinding("storage", files))
			.component(DaprComponent.of("shop", "bindings.http")
				.withMetadata("url", "http://127.0.0.1:" + server.getAddress().getPort()))
			.start();
		transport = new DaprTransport(DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), null));
		dapr = new DaprTemplate(transport, json);
	}

	@AfterAll
	static void stop() {
		transport.close();
		sidecar.close();
		server.stop(0);
	}

	/** GET /orders/o-1 answers an order, POST /orders echoes with 201, /text is not JSON, the rest 404. */
	private static void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		requests.add(new Received(exchange.getRequestMethod(), path, body));
		int status = 404;
		byte[] answer = new byte[0];
		if (path.equals("/orders/o-1")) {
			status = 200;
			answer = json.writeValueAsBytes(new Order("o-1", "book", 2));
		}
		else if (path.equals("/orders") && exchange.getRequestMethod().equals("POST")) {
			status = 201;
			answer = body.getBytes(StandardCharsets.UTF_8);
		}
		else if (path.equals("/text")) {
			status = 200;
			answer = "plain words".getBytes(StandardCharsets.UTF_8);
		}
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (answer.length > 0) ? answer.length : -1);
		if (answer.length > 0) {
			exchange.getResponseBody().write(answer);
		}
		exchange.close();
	}

	@Test
	void createsAFileAndReadsItBackAsARecord() throws IOException {
		Order order = new Order("o-1", "book", 2);

		BindingResponse<Created> created = dapr.bindings()
			.invoke("storage", "create", order, Map.of("fileName", "o-1.json"), Created.class);

		assertThat(created.data()).isEqualTo(new Created("o-1.json"));
		assertThat(json.readTree(Files.readAllBytes(files.resolve("o-1.json")))).isEqualTo(json.valueToTree(order));
		BindingResponse<Order> read = dapr.bindings()
			.invoke("storage", "get", null, Map.of("fileName", "o-1.json"), Order.class);
		assertThat(read.data()).isEqualTo(order);
	}

	@Test
	void theRawResponseIsTheBindingsOwnBytes() throws IOException {
		BindingResponse<byte[]> created = dapr.bindings().invoke("storage", "create", "plain text");

		// Without a fileName the binding picks one and answers it as JSON.
		String fileName = json.readValue(created.data(), Created.class).fileName();
		assertThat(Files.readString(files.resolve(fileName))).isEqualTo("plain text");
		assertThat(dapr.bindings().invoke("storage", "get", null, Map.of("fileName", fileName), String.class).data())
			.isEqualTo("plain text");
	}

	@Test
	void theShortFormReturnsTheConvertedData() {
		Created created = dapr.bindings().invoke("storage", "create", new Order("o-2", "pen", 1), Created.class);

		assertThat(created).isNotNull();
		assertThat(files.resolve(created.fileName())).exists();
	}

	@Test
	void anHttpGetAnswersATypedBodyAndTheStatusAsMetadata() {
		BindingResponse<Order> response = dapr.bindings()
			.invoke("shop", "get", null, Map.of("path", "/orders/o-1"), Order.class);

		assertThat(response.data()).isEqualTo(new Order("o-1", "book", 2));
		assertThat(response.metadata()).containsEntry("statusCode", "200");
	}

	@Test
	void anHttpPostSendsTheDataAsJson() {
		Order order = new Order("o-3", "lamp", 1);

		BindingResponse<Order> response = dapr.bindings()
			.invoke("shop", "post", order, Map.of("path", "/orders"), Order.class);

		assertThat(response.data()).isEqualTo(order);
		assertThat(response.metadata()).containsEntry("statusCode", "201");
		Received received = requests.stream().filter((r) -> r.method().equals("POST")).findFirst().orElseThrow();
		assertThat(json.readTree(received.body())).isEqualTo(json.valueToTree(order));
	}

	@Test
	void anUnknownBindingIsNamedWithTheLoadedOnes() {
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> dapr.bindings().invoke("mail", "create", "hi"))
			.withMessageContaining("No output binding named 'mail'")
			.withMessageContaining("storage (bindings.localstorage)")
			.withMessageContaining("shop (bindings.http)");
	}

	@Test
	void anOperationTheBindingLacksListsTheOnesItHas() {
		assertThatExceptionOfType(DaprUnsupportedOperationException.class)
			.isThrownBy(() -> dapr.bindings().invoke("storage", "upload", "hi"))
			.withMessageContaining("on 'storage'")
			.withMessageContaining("does not support operation upload")
			.withMessageContaining("create get list delete");
	}

	@Test
	void aFailureOfTheBindingCarriesItsReason() {
		assertThatExceptionOfType(DaprApiException.class)
			.isThrownBy(() -> dapr.bindings().invoke("storage", "get", null, Map.of("fileName", "missing.json"),
					byte[].class))
			.withMessageContaining("bindings.invoke on 'storage' failed")
			.withMessageContaining("file not found")
			.withMessageContaining("missing.json");
		assertThatExceptionOfType(DaprApiException.class)
			.isThrownBy(() -> dapr.bindings().invoke("shop", "get", null, Map.of("path", "/nowhere"), byte[].class))
			.withMessageContaining("bindings.invoke on 'shop' failed")
			.withMessageContaining("404");
	}

	@Test
	void aResponseThatIsNotTheRequestedTypeNamesTheBinding() {
		assertThatExceptionOfType(DaprConversionException.class)
			.isThrownBy(() -> dapr.bindings().invoke("shop", "get", null, Map.of("path", "/text"), Order.class))
			.withMessageContaining("Binding 'shop', operation 'get'")
			.withMessageContaining(Order.class.getName())
			.withMessageContaining("plain words");
	}

	@Test
	void dataJacksonCannotWriteFailsBeforeTheBindingIsCalled() {
		int before = requests.size();

		assertThatExceptionOfType(DaprConversionException.class)
			.isThrownBy(() -> dapr.bindings().invoke("shop", "post", new Unwritable()))
			.withMessageContaining("Binding 'shop', operation 'post'")
			.withMessageContaining(Unwritable.class.getName())
			.withMessageContaining("name is not loaded");
		assertThat(requests).hasSize(before);
	}

	@Test
	void anEmptyOperationIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> dapr.bindings().invoke("storage", " ", "x"))
			.withMessageContaining("Operation for binding 'storage' must not be empty");
	}

}
