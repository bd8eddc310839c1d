package dev.daprspring.messaging.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A servlet only the sidecar calls: when an app API token is set, requests without it
 * are rejected before any handler runs, and request bodies larger than the sidecar's
 * {@code --max-body-size} are answered 413 without being read whole.
 */
abstract class SidecarFacingServlet extends HttpServlet {

	/** daprd's default {@code --max-body-size}: 4 MiB. */
	public static final long DEFAULT_MAX_BODY_SIZE = 4L * 1024 * 1024;

	private static final Log logger = LogFactory.getLog(SidecarFacingServlet.class);

	private transient AppApiToken appApiToken = new AppApiToken(null);

	private long maxBodySize = DEFAULT_MAX_BODY_SIZE;

	/** Requires the sidecar to send this token in {@code dapr-api-token}; {@code null} for none. */
	public void setAppApiToken(@Nullable String token) {
		this.appApiToken = new AppApiToken(token);
	}

	/** Sets the largest request body accepted, in bytes: the sidecar's {@code --max-body-size}. */
	public void setMaxBodySize(long maxBodySize) {
		Assert.isTrue(maxBodySize > 0 && maxBodySize < Integer.MAX_VALUE, () -> "The maximum body size must be "
				+ "between 1 byte and 2 GB, for example 4MB (daprd's default --max-body-size); got " + maxBodySize);
		this.maxBodySize = maxBodySize;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		if (this.appApiToken.admit(request, response)) {
			super.service(request, response);
		}
	}

	/**
	 * The request's body; {@code null} once a body above the limit was answered with 413,
	 * having read no more than one byte past the limit.
	 */
	protected byte @Nullable [] readBody(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		long declared = request.getContentLengthLong();
		byte[] body = (declared <= this.maxBodySize)
				? request.getInputStream().readNBytes((int) this.maxBodySize + 1) : null;
		if (body != null && body.length <= this.maxBodySize) {
			return body;
		}
		String message = "The body of " + request.getMethod() + " " + request.getRequestURI() + " ("
				+ ((declared >= 0) ? declared + " bytes" : "more bytes") + ") is larger than the " + this.maxBodySize
				+ " bytes the app accepts (dapr.app.max-body-size, which should equal the sidecar's --max-body-size); "
				+ "it was not handled. Start daprd and the app with the same larger limit, or send less";
		logger.warn(message);
		byte[] answer = message.getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType("text/plain;charset=UTF-8");
		response.setContentLength(answer.length);
		response.getOutputStream().write(answer);
		return null;
	}

}
