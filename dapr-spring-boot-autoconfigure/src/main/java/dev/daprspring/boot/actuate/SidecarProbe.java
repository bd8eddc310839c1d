package dev.daprspring.boot.actuate;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.core.client.UnixSocketEndpoint;
import dev.daprspring.core.client.UnixSocketHttp.Answer;

/**
 * Asks the sidecar's HTTP API whether it is ready ({@code /v1.0/healthz}) and what it
 * runs ({@code /v1.0/metadata}), each with a short timeout so that a health check never
 * hangs on a sidecar that does not answer. The endpoint is read from
 * {@link DaprConnectionDetails} on every call, so it follows a restarted sidecar.
 */
public final class SidecarProbe {

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private final DaprConnectionDetails connection;

	private final JsonMapper jsonMapper;

	private final Duration timeout;

	private final HttpClient http;

	public SidecarProbe(DaprConnectionDetails connection, JsonMapper jsonMapper, Duration timeout) {
		this.connection = connection;
		this.jsonMapper = jsonMapper;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/** The sidecar's HTTP endpoint, for example {@code http://127.0.0.1:3500}. */
	public String endpoint() {
		String endpoint = this.connection.getHttpEndpoint();
		return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
	}

	/**
	 * Calls {@code GET /v1.0/healthz}.
	 * @return whether the sidecar is ready, and why not
	 */
	public Readiness readiness() {
		try {
			Answer response = send("/v1.0/healthz");
			if (response.status() == 204 || response.status() == 200) {
				return new Readiness(true, null);
			}
			return new Readiness(false, "daprd is not ready: GET /v1.0/healthz answered " + response.status()
					+ bodyNote(response) + " (it answers 204 once its components, app channel and, if set, "
					+ "placement and scheduler connections are up; see the sidecar's log)");
		}
		catch (IOException ex) {
			return new Readiness(false, unreachable(ex));
		}
	}

	/**
	 * Calls {@code GET /v1.0/metadata}.
	 * @return the sidecar's metadata as JSON objects, lists and values
	 * @throws SidecarProbeException when the sidecar cannot be reached or answers with an
	 * error
	 */
	public Map<String, Object> metadata() {
		try {
			Answer response = send("/v1.0/metadata");
			if (response.status() != 200) {
				throw new SidecarProbeException("GET " + endpoint() + "/v1.0/metadata answered "
						+ response.status() + bodyNote(response), response.status());
			}
			return this.jsonMapper.readValue(response.body(), JSON_OBJECT);
		}
		catch (IOException ex) {
			throw new SidecarProbeException(unreachable(ex), ex);
		}
		catch (JacksonException ex) {
			throw new SidecarProbeException(
					"GET " + endpoint() + "/v1.0/metadata answered something that is not JSON: " + ex.getMessage(),
					ex);
		}
	}

	private Answer send(String path) throws IOException {
		String token = this.connection.getApiToken();
		String socket = UnixSocketEndpoint.path(endpoint());
		if (socket != null) {
			return UnixSocketEndpoint.http(socket).get(path, (token != null) ? Map.of("dapr-api-token", token) : Map.of(),
					this.timeout);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint() + path))
			.timeout(this.timeout)
			.GET();
		if (token != null) {
			request.header("dapr-api-token", token);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for the sidecar", ex);
		}
	}

	private String unreachable(IOException ex) {
		String why;
		if (ex instanceof HttpConnectTimeoutException || ex instanceof HttpTimeoutException) {
			why = "no answer within " + this.timeout + " (dapr.actuator.timeout)";
		}
		else if (ex instanceof ConnectException) {
			why = "connection refused";
		}
		else {
			why = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		}
		return "daprd is not reachable at " + endpoint() + ": " + why + " (is the sidecar running? Its HTTP "
				+ "endpoint is dapr.client.http-endpoint, else DAPR_HTTP_ENDPOINT or DAPR_HTTP_PORT)";
	}

	private static String bodyNote(Answer response) {
		String body = response.body();
		if (body == null || body.isBlank()) {
			return "";
		}
		return ": " + ((body.length() > 300) ? body.substring(0, 300) + "…" : body.strip());
	}

	/**
	 * Whether the sidecar answered {@code /v1.0/healthz} with success.
	 *
	 * @param ready whether it is ready
	 * @param reason why not, or {@code null} when ready
	 */
	public record Readiness(boolean ready, @Nullable String reason) {

	}

}
