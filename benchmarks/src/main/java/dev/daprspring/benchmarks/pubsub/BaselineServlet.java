package dev.daprspring.benchmarks.pubsub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: what a subscriber written by hand needs at least. It reads the CloudEvent
 * daprd posts, turns its {@code data} into an {@link Order} and answers
 * {@code {"status":"SUCCESS"}}; no registry, converters, observation or error handling.
 */
public class BaselineServlet extends HttpServlet {

	private static final byte[] SUCCESS = "{\"status\":\"SUCCESS\"}".getBytes(StandardCharsets.UTF_8);

	private final transient JsonMapper json;

	private final transient Deliveries deliveries;

	public BaselineServlet(JsonMapper json, Deliveries deliveries) {
		this.json = json;
		this.deliveries = deliveries;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		JsonNode event = this.json.readTree(request.getInputStream());
		Order order = this.json.treeToValue(event.path("data"), Order.class);
		if (order != null && order.id() != null) {
			this.deliveries.received();
		}
		else {
			this.deliveries.failed();
		}
		response.setContentType("application/json");
		response.setContentLength(SUCCESS.length);
		response.getOutputStream().write(SUCCESS);
	}

}
