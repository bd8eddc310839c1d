package dev.daprspring.boot.sidecar;

import java.net.URI;
import java.time.Duration;

import dev.daprspring.boot.sidecar.process.HttpReadinessCheck;

/**
 * daprd's health endpoints, as every wait for a sidecar asks them: {@code /v1.0/healthz/outbound}
 * answers once the API serves calls, {@code /v1.0/healthz} once daprd is healthy, which
 * with an app port also means it has reached the app.
 */
public final class DaprdHealth {

	/** Answers 204 once daprd serves API calls. */
	public static final String OUTBOUND_PATH = "/v1.0/healthz/outbound";

	/** Answers 204 once daprd is healthy, and has reached the app when it has one. */
	public static final String HEALTHZ_PATH = "/v1.0/healthz";

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

	private DaprdHealth() {
	}

	/** Ready when daprd at this HTTP endpoint serves API calls. */
	public static HttpReadinessCheck outbound(String httpEndpoint) {
		return check(httpEndpoint, OUTBOUND_PATH, REQUEST_TIMEOUT);
	}

	/** Ready when daprd at this HTTP endpoint is healthy. */
	public static HttpReadinessCheck healthz(String httpEndpoint) {
		return check(httpEndpoint, HEALTHZ_PATH, REQUEST_TIMEOUT);
	}

	/** Whether a sidecar answers at this HTTP endpoint at all, asked once within the timeout. */
	public static boolean answers(String httpEndpoint, Duration timeout) {
		return check(httpEndpoint, OUTBOUND_PATH, timeout).answers();
	}

	private static HttpReadinessCheck check(String httpEndpoint, String path, Duration timeout) {
		return new HttpReadinessCheck(URI.create(httpEndpoint + path), timeout);
	}

}
