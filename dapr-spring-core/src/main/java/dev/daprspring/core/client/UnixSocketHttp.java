package dev.daprspring.core.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JettyClientHttpRequestFactory;

/**
 * HTTP to the sidecar's API over its Unix domain socket, with Jetty's client (an optional
 * dependency; the JDK's {@code HttpClient} connects over TCP only): requests keep their
 * {@code http://localhost/...} URIs and go to the socket whatever host they name. There is
 * one client per socket for the whole JVM, on daemon threads, as gRPC shares its event loops:
 * the clients that use it come and go (a {@code RestClient} per call of
 * {@code DaprTemplate.restClient}), and none of them has to close it.
 */
public final class UnixSocketHttp {

	/** The host requests name: daprd's HTTP API ignores it, a URI needs one. */
	public static final String BASE_URL = "http://localhost";

	private static final ConcurrentMap<String, UnixSocketHttp> CLIENTS = new ConcurrentHashMap<>();

	private final String socketPath;

	private final HttpClient client;

	private UnixSocketHttp(String socketPath) {
		this.socketPath = socketPath;
		this.client = new SocketHttpClient(Path.of(socketPath));
		QueuedThreadPool threads = new QueuedThreadPool(16, 1);
		threads.setName("dapr-uds-http");
		threads.setDaemon(true);
		this.client.setExecutor(threads);
		this.client.setScheduler(new ScheduledExecutorScheduler("dapr-uds-http-scheduler", true));
		// As the JDK's client over TCP: answers are given as they come. Jetty would follow
		// redirects and turn daprd's 401 (which has no WWW-Authenticate) into a protocol error.
		this.client.setFollowRedirects(false);
		try {
			this.client.start();
			this.client.getProtocolHandlers().clear();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start the HTTP client for " + socketPath, ex);
		}
	}

	// Through UnixSocketEndpoint.http, which checks for Jetty first: this class cannot even be
	// verified without it.
	static UnixSocketHttp of(String socketPath) {
		return CLIENTS.computeIfAbsent(socketPath, UnixSocketHttp::new);
	}

	/** A request factory for {@code RestClient}s whose requests go to the socket. */
	public ClientHttpRequestFactory requestFactory() {
		return new JettyClientHttpRequestFactory(this.client);
	}

	/**
	 * Sends a GET and reads the whole answer.
	 * @param path the path, for example {@code /v1.0/healthz}
	 * @throws IOException when the socket cannot be reached ({@link ConnectException}) or no
	 * answer came within the timeout ({@link HttpTimeoutException})
	 */
	public Answer get(String path, Map<String, String> headers, Duration timeout) throws IOException {
		Request request = this.client.newRequest(URI.create(BASE_URL + path)).timeout(timeout.toMillis(),
				TimeUnit.MILLISECONDS);
		headers.forEach((name, value) -> request.headers((fields) -> fields.put(name, value)));
		try {
			ContentResponse response = request.send();
			return new Answer(response.getStatus(), response.getContentAsString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for the sidecar at " + this.socketPath, ex);
		}
		catch (TimeoutException ex) {
			throw noAnswer(timeout);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof TimeoutException) {
				throw noAnswer(timeout);
			}
			// A socket file that is missing or has nobody listening: what a refused TCP connection is.
			if (cause instanceof SocketException || cause instanceof NoSuchFileException) {
				ConnectException refused = new ConnectException(this.socketPath + ": " + cause.getMessage());
				refused.initCause(cause);
				throw refused;
			}
			throw new IOException(this.socketPath + ": " + cause, cause);
		}
	}

	private HttpTimeoutException noAnswer(Duration timeout) {
		return new HttpTimeoutException("no answer from " + this.socketPath + " within " + timeout);
	}

	/** A status and body. */
	public record Answer(int status, String body) {
	}

	/** Sends every request it creates to the socket (Jetty chooses the transport per request). */
	private static final class SocketHttpClient extends HttpClient {

		private final Transport transport;

		SocketHttpClient(Path socket) {
			this.transport = new Transport.TCPUnix(socket);
		}

		@Override
		public Request newRequest(URI uri) {
			return super.newRequest(uri).transport(this.transport);
		}

	}

}
