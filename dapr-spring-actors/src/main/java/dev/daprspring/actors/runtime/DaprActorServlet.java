package dev.daprspring.actors.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.ByteString;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The actor endpoints the sidecar calls on the app's HTTP port: {@code GET /dapr/config},
 * {@code PUT /actors/{type}/{id}/method/{method}} and {@code DELETE /actors/{type}/{id}}.
 * With an app API token, a request without it is refused before anything runs.
 */
public class DaprActorServlet extends HttpServlet {

	/** The paths to map this servlet to. */
	public static final String[] MAPPINGS = { "/dapr/config", "/actors/*" };

	private static final Log logger = LogFactory.getLog(DaprActorServlet.class);

	private final transient ActorDispatcher dispatcher;

	private final transient ActorRuntimeSettings settings;

	private final transient JsonMapper json;

	private final transient byte @Nullable [] appApiToken;

	public DaprActorServlet(ActorDispatcher dispatcher, ActorRuntimeSettings settings, JsonMapper json,
			@Nullable String appApiToken) {
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.json = json;
		this.appApiToken = (appApiToken != null && !appApiToken.isEmpty())
				? appApiToken.getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!admitted(request, response)) {
			return;
		}
		if (!"/dapr/config".equals(request.getServletPath())) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		write(response, HttpServletResponse.SC_OK,
				this.json.writeValueAsBytes(this.settings.document(this.dispatcher.types().names())));
	}

	@Override
	protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!admitted(request, response)) {
			return;
		}
		String[] path = segments(request);
		// {type}/{id}/method/{method}, {type}/{id}/method/remind/{reminder}, {type}/{id}/method/timer/{timer}
		boolean call = path.length == 4 && "method".equals(path[2]);
		boolean callback = path.length == 5 && "method".equals(path[2])
				&& ("remind".equals(path[3]) || "timer".equals(path[3]));
		if (!call && !callback) {
			error(response, HttpServletResponse.SC_NOT_FOUND, "ERR_ACTOR_PATH",
					"No actor endpoint at " + request.getRequestURI());
			return;
		}
		try {
			ByteString body = ByteString.readFrom(request.getInputStream());
			ByteString result = ByteString.EMPTY;
			if (call) {
				result = this.dispatcher.invoke(path[0], path[1], path[3], body, ActorCallChain.entering(path[0],
						path[1], request.getHeader(ActorCallChain.CALLERS), request.getHeader(ActorCallChain.REENTRANCY_ID)));
			}
			else if ("remind".equals(path[3])) {
				this.dispatcher.remind(path[0], path[1], path[4], body);
			}
			else {
				this.dispatcher.timer(path[0], path[1], body);
			}
			write(response, HttpServletResponse.SC_OK, result.toByteArray());
		}
		catch (UnknownActorException ex) {
			// Not 404: daprd replaces the body of a 404 with its own "actor method not found".
			error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "ERR_ACTOR_UNKNOWN", ex.getMessage());
		}
		catch (ActorMethodFailure ex) {
			logger.debug("Actor " + path[0] + "/" + path[1] + " threw in " + request.getPathInfo(), ex.getCause());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("errorCode", "ERR_ACTOR_METHOD");
			body.put("type", ex.getRemoteType());
			body.put("message", ex.getMessage());
			write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, this.json.writeValueAsBytes(body));
		}
	}

	@Override
	protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!admitted(request, response)) {
			return;
		}
		String[] path = segments(request);
		if (path.length != 2) {
			error(response, HttpServletResponse.SC_NOT_FOUND, "ERR_ACTOR_PATH",
					"No actor endpoint at " + request.getRequestURI());
			return;
		}
		this.dispatcher.activations().deactivate(path[0], path[1]);
		response.setStatus(HttpServletResponse.SC_OK);
	}

	private boolean admitted(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (this.appApiToken == null) {
			return true;
		}
		String sent = request.getHeader("dapr-api-token");
		if (sent != null && MessageDigest.isEqual(this.appApiToken, sent.getBytes(StandardCharsets.UTF_8))) {
			return true;
		}
		error(response, HttpServletResponse.SC_UNAUTHORIZED, "ERR_APP_API_TOKEN",
				"The dapr-api-token header is missing or is not the app API token");
		return false;
	}

	private static String[] segments(HttpServletRequest request) {
		String pathInfo = request.getPathInfo();
		return (pathInfo == null || pathInfo.length() < 2) ? new String[0] : pathInfo.substring(1).split("/");
	}

	private void error(HttpServletResponse response, int status, String code, String message) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errorCode", code);
		body.put("message", message);
		write(response, status, this.json.writeValueAsBytes(body));
	}

	private static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
