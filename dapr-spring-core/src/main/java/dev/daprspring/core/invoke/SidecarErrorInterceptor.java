package dev.daprspring.core.invoke;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.client.DaprClientOptions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;

/**
 * Tells the sidecar's own failures apart from the called app's: daprd answers with its
 * JSON error {@code ERR_DIRECT_INVOKE} when it cannot find or reach the app, and with
 * {@code 401 invalid api token} when the token is missing or wrong. Those become a
 * {@link DaprInvocationException}; every other response passes on unchanged.
 */
final class SidecarErrorInterceptor implements ClientHttpRequestInterceptor {

	private static final String DIRECT_INVOKE_ERROR = "ERR_DIRECT_INVOKE";

	private static final String INVALID_TOKEN = "invalid api token";

	private final String appId;

	private final DaprClientOptions options;

	SidecarErrorInterceptor(String appId, DaprClientOptions options) {
		this.appId = appId;
		this.options = options;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		HttpStatusCode status = response.getStatusCode();
		if (status.value() != 401 && !status.is5xxServerError()) {
			return response;
		}
		String statusText = response.getStatusText();
		HttpHeaders headers = response.getHeaders();
		byte[] content;
		try (InputStream in = response.getBody()) {
			content = StreamUtils.copyToByteArray(in);
		}
		finally {
			response.close();
		}
		Charset charset = charset(headers);
		String error = sidecarError(status, headers.getContentType(), content, charset);
		if (error == null) {
			return new BufferedResponse(status, statusText, headers, content);
		}
		String operation = request.getMethod() + " " + appPath(request);
		String message = (status.value() == 401) ? tokenMessage(operation, error) : invokeMessage(operation, error);
		throw new DaprInvocationException(message, this.appId, (status.value() == 401) ? null : DIRECT_INVOKE_ERROR,
				status, statusText, headers, content, charset);
	}

	/** The sidecar's message when the response is one of its own errors, else null. */
	private static @Nullable String sidecarError(HttpStatusCode status, @Nullable MediaType contentType,
			byte[] content, Charset charset) {
		if (status.value() == 401) {
			String text = new String(content, charset).trim();
			return text.equals(INVALID_TOKEN) ? text : null;
		}
		if (contentType == null || !contentType.isCompatibleWith(MediaType.APPLICATION_JSON)) {
			return null;
		}
		try {
			JsonNode error = JsonMapper.shared().readTree(content);
			return DIRECT_INVOKE_ERROR.equals(error.path("errorCode").asString(null))
					? error.path("message").asString("") : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private String invokeMessage(String operation, String error) {
		return "Dapr could not invoke app '" + this.appId + "' (" + operation + "): " + error + " ["
				+ DIRECT_INVOKE_ERROR + "]. Check the app id, and that the app runs with a Dapr sidecar this one can "
				+ "reach (self-hosted sidecars find each other through mDNS on the local network; an app in another "
				+ "namespace is called as '<app-id>.<namespace>').";
	}

	private String tokenMessage(String operation, String error) {
		String advice = (this.options.apiToken() == null)
				? "No dapr-api-token was sent: configure the token the sidecar was started with (its DAPR_API_TOKEN; "
						+ "dapr.client.api-token in Spring Boot)."
				: "The dapr-api-token sent is not the one the sidecar was started with (its DAPR_API_TOKEN; "
						+ "dapr.client.api-token in Spring Boot).";
		return "The Dapr sidecar at " + this.options.httpEndpoint() + " rejected the call to app '" + this.appId
				+ "' (" + operation + "): " + error + ". " + advice;
	}

	/** The path the app sees: the request path without the sidecar's invoke prefix. */
	private String appPath(HttpRequest request) {
		String path = request.getURI().getRawPath();
		String prefix = "/v1.0/invoke/" + this.appId + "/method";
		int start = (path != null) ? path.indexOf(prefix) : -1;
		return (start >= 0) ? path.substring(start + prefix.length()) : String.valueOf(path);
	}

	private static Charset charset(HttpHeaders headers) {
		MediaType contentType = headers.getContentType();
		Charset charset = (contentType != null) ? contentType.getCharset() : null;
		return (charset != null) ? charset : StandardCharsets.UTF_8;
	}

	/**
	 * The app's error response, its body already read, handed on to the client's usual
	 * status handling.
	 */
	private record BufferedResponse(HttpStatusCode status, String statusText, HttpHeaders headers,
			byte[] body) implements ClientHttpResponse {

		@Override
		public HttpStatusCode getStatusCode() {
			return this.status;
		}

		@Override
		public String getStatusText() {
			return this.statusText;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.body);
		}

		@Override
		public void close() {
			// The underlying response was closed once its body was read.
		}

	}

}
