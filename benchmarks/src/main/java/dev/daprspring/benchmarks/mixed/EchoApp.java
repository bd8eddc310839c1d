package dev.daprspring.benchmarks.mixed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import dev.daprspring.boot.sidecar.Ports;

/**
 * The application the invocations reach through the sidecar: {@code POST /echo} answers
 * with the body it was sent. The JDK's own HTTP server, so no framework's cost is measured.
 */
final class EchoApp implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private EchoApp(HttpServer server) {
		this.server = server;
	}

	static EchoApp start() throws IOException {
		// Without TCP_NODELAY the server's separate header and body writes meet the sidecar's
		// delayed ACK, and every invocation waits about 40 ms.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.free()), 128);
		EchoApp app = new EchoApp(server);
		server.setExecutor(app.executor);
		server.createContext("/echo", (exchange) -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, (body.length == 0) ? -1 : body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		return app;
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
