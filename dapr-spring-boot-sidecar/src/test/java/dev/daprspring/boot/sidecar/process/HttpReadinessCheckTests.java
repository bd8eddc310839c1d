package dev.daprspring.boot.sidecar.process;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness by a health URL's status, against a local HTTP server.
 */
class HttpReadinessCheckTests {

	private HttpServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/healthz", (exchange) -> {
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.server.createContext("/starting", (exchange) -> {
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void aSuccessStatusIsReady() {
		HttpReadinessCheck check = check("/healthz");
		assertThat(check.isReady()).isTrue();
		assertThat(check.answers()).isTrue();
	}

	@Test
	void anErrorStatusAnswersButIsNotReady() {
		HttpReadinessCheck check = check("/starting");
		assertThat(check.isReady()).isFalse();
		assertThat(check.answers()).isTrue();
	}

	@Test
	void nothingListeningIsNeither() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		HttpReadinessCheck check = new HttpReadinessCheck(URI.create("http://127.0.0.1:" + closed + "/healthz"),
				Duration.ofSeconds(2));
		assertThat(check.isReady()).isFalse();
		assertThat(check.answers()).isFalse();
	}

	private HttpReadinessCheck check(String path) {
		return new HttpReadinessCheck(
				URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path), Duration.ofSeconds(5));
	}

}
