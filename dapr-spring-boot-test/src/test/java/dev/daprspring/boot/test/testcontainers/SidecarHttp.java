package dev.daprspring.boot.test.testcontainers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to a containerised daprd's HTTP API, as any client of the sidecar makes them.
 */
final class SidecarHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final DaprContainer dapr;

	SidecarHttp(DaprContainer dapr) {
		this.dapr = dapr;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	JsonNode metadata() throws IOException, InterruptedException {
		return json(get("/v1.0/metadata"));
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.dapr.getHttpEndpoint() + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
