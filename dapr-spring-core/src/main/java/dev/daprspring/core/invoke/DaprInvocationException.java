package dev.daprspring.core.invoke;

import java.nio.charset.Charset;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClientResponseException;

/**
 * The sidecar itself could not invoke the app: no app with that id could be found or
 * reached, or the sidecar rejected the API token. Failures of the called app are not
 * reported this way; they keep their own status.
 */
public class DaprInvocationException extends RestClientResponseException {

	private final String appId;

	private final @Nullable String errorCode;

	public DaprInvocationException(String message, String appId, @Nullable String errorCode, HttpStatusCode status,
			String statusText, HttpHeaders headers, byte[] body, @Nullable Charset charset) {
		super(message, status, statusText, headers, body, charset);
		this.appId = appId;
		this.errorCode = errorCode;
	}

	/** The id of the app that was called. */
	public String getAppId() {
		return this.appId;
	}

	/**
	 * The sidecar's error code, for example {@code ERR_DIRECT_INVOKE}, or {@code null} when
	 * it gave none (a rejected API token).
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

}
