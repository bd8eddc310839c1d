package dev.daprspring.boot.sidecar.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Ready when a {@code GET} of a health URL answers with a 2xx status, as daprd's
 * {@code /v1.0/healthz} and the control-plane services' {@code /healthz} do.
 */
public final class HttpReadinessCheck implements ReadinessCheck {

	// One client for all checks: each would otherwise hold a selector thread until collected.
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final HttpRequest request;

	/**
	 * @param url the health URL
	 * @param timeout how long one request may take
	 */
	public HttpReadinessCheck(URI url, Duration timeout) {
		this.request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
	}

	@Override
	public boolean isReady() {
		Integer status = status();
		return status != null && status / 100 == 2;
	}

	/** Whether anything answers the URL with HTTP at all, whatever the status. */
	public boolean answers() {
		return status() != null;
	}

	private @Nullable Integer status() {
		try {
			return HTTP.send(this.request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			// Not listening yet.
			return null;
		}
		catch (InterruptedException ex) {
			// Left for the waiting loop to see.
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
