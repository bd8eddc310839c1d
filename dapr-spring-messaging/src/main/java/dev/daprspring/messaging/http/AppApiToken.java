package dev.daprspring.messaging.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@value #HEADER} header daprd sends on every call to the app when it runs
 * with {@code APP_API_TOKEN}; with no token configured, every request is admitted.
 */
final class AppApiToken {

	/** The header daprd sends the app API token in. */
	static final String HEADER = "dapr-api-token";

	private static final Log logger = LogFactory.getLog(AppApiToken.class);

	private final byte @Nullable [] expected;

	AppApiToken(@Nullable String token) {
		this.expected = (token != null && !token.isEmpty()) ? token.getBytes(StandardCharsets.UTF_8) : null;
	}

	/**
	 * Whether the request carries the token; if not, answers 401 and logs the path only,
	 * never the body.
	 */
	boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (this.expected == null) {
			return true;
		}
		String token = request.getHeader(HEADER);
		// Compared in constant time, so the answer's timing does not reveal the token.
		if (token != null && MessageDigest.isEqual(this.expected, token.getBytes(StandardCharsets.UTF_8))) {
			return true;
		}
		logger.warn("Rejected " + request.getMethod() + " " + request.getRequestURI() + ": "
				+ ((token != null) ? "its " + HEADER + " header does not match" : "it has no " + HEADER + " header")
				+ " the app API token (dapr.app.api-token / APP_API_TOKEN) the sidecar must send");
		response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
		return false;
	}

}
