package dev.daprspring.messaging.http;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * A servlet only the sidecar calls: when an app API token is set, requests without it
 * are rejected before any handler runs.
 */
abstract class SidecarFacingServlet extends HttpServlet {

	private transient AppApiToken appApiToken = new AppApiToken(null);

	/** Requires the sidecar to send this token in {@code dapr-api-token}; {@code null} for none. */
	public void setAppApiToken(@Nullable String token) {
		this.appApiToken = new AppApiToken(token);
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		if (this.appApiToken.admit(request, response)) {
			super.service(request, response);
		}
	}

}
