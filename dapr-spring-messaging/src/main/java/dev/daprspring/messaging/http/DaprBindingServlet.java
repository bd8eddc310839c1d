package dev.daprspring.messaging.http;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.binding.BindingEndpoint;
import dev.daprspring.messaging.binding.BindingEndpointRegistry;
import dev.daprspring.messaging.binding.BindingEventDispatcher;

/**
 * The HTTP app channel for input bindings: answers daprd's {@code OPTIONS /<binding>}
 * with 200 when a {@code @BindingListener} handles the binding, and runs each
 * {@code POST /<binding>} through the {@link BindingEventDispatcher}, answering 200 on
 * success and 500 on failure. Map it to exactly {@code /<binding>} for each name.
 */
public class DaprBindingServlet extends SidecarFacingServlet {

	private final transient BindingEndpointRegistry registry;

	private final transient BindingEventDispatcher dispatcher;

	public DaprBindingServlet(BindingEndpointRegistry registry, BindingEventDispatcher dispatcher) {
		this.registry = registry;
		this.dispatcher = dispatcher;
	}

	/** The servlet mappings serving the given binding names: {@code /<name>} each. */
	public static String[] mappings(Collection<String> names) {
		return names.stream().map((name) -> "/" + name).toArray(String[]::new);
	}

	@Override
	protected void doOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (endpoint(request) == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		BindingEndpoint endpoint = endpoint(request);
		if (endpoint == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		byte[] body = readBody(request, response);
		if (body == null) {
			return;
		}
		// An empty answer: daprd would read a body as instructions to store or forward the result.
		response.setStatus(this.dispatcher.dispatch(endpoint, body, metadata(request)) ? HttpServletResponse.SC_OK
				: HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
	}

	private @Nullable BindingEndpoint endpoint(HttpServletRequest request) {
		String path = request.getServletPath();
		return path.startsWith("/") ? this.registry.endpoint(path.substring(1)) : null;
	}

	// daprd sends the binding's metadata as headers; names are lower-cased, as HTTP does not keep their case.
	private static Map<String, String> metadata(HttpServletRequest request) {
		Map<String, String> metadata = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			if (!AppApiToken.HEADER.equalsIgnoreCase(name)) {
				metadata.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
			}
		}
		return metadata;
	}

}
