package dev.daprspring.boot.autoconfigure.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprChannels;
import dev.daprspring.core.client.UnixSocketEndpoint;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration for the connection to the Dapr sidecar. Unset values fall back to the
 * environment variables Dapr's own SDKs read. Validates itself when bound (no Bean
 * Validation provider needed), so a malformed endpoint or a non-positive duration stops the
 * startup with the property, its value and an example of a right one.
 */
@ConfigurationProperties("dapr.client")
public class DaprClientProperties implements Validator {

	/** Sidecar gRPC endpoint; defaults to DAPR_GRPC_ENDPOINT, else 127.0.0.1 and DAPR_GRPC_PORT (50001). */
	private @Nullable String grpcEndpoint;

	/** Sidecar HTTP endpoint; defaults to DAPR_HTTP_ENDPOINT, else 127.0.0.1 and DAPR_HTTP_PORT (3500). */
	private @Nullable String httpEndpoint;

	/** API token sent as dapr-api-token on every call; defaults to DAPR_API_TOKEN. */
	private @Nullable String apiToken;

	/** Deadline of each call to the sidecar. */
	private Duration timeout = Duration.ofSeconds(60);

	/** Largest response accepted from the sidecar. */
	private DataSize maxMessageSize = DataSize.ofMegabytes(4);

	/** Interval of keepalive pings on an idle connection; none when unset. */
	private @Nullable Duration keepAliveTime;

	/** How long to wait for a keepalive ping's answer. */
	private Duration keepAliveTimeout = Duration.ofSeconds(20);

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	public @Nullable Duration getKeepAliveTime() {
		return this.keepAliveTime;
	}

	public void setKeepAliveTime(@Nullable Duration keepAliveTime) {
		this.keepAliveTime = keepAliveTime;
	}

	public Duration getKeepAliveTimeout() {
		return this.keepAliveTimeout;
	}

	public void setKeepAliveTimeout(Duration keepAliveTimeout) {
		this.keepAliveTimeout = keepAliveTimeout;
	}

	public @Nullable String getGrpcEndpoint() {
		return this.grpcEndpoint;
	}

	public void setGrpcEndpoint(@Nullable String grpcEndpoint) {
		this.grpcEndpoint = grpcEndpoint;
	}

	public @Nullable String getHttpEndpoint() {
		return this.httpEndpoint;
	}

	public void setHttpEndpoint(@Nullable String httpEndpoint) {
		this.httpEndpoint = httpEndpoint;
	}

	public @Nullable String getApiToken() {
		return this.apiToken;
	}

	public void setApiToken(@Nullable String apiToken) {
		this.apiToken = apiToken;
	}

	@Override
	public boolean supports(Class<?> type) {
		return DaprClientProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		DaprClientProperties properties = (DaprClientProperties) target;
		checkEndpoint(errors, "grpcEndpoint", properties.getGrpcEndpoint(), "http://127.0.0.1:50001", true);
		checkEndpoint(errors, "httpEndpoint", properties.getHttpEndpoint(), "http://127.0.0.1:3500", false);
		checkPositive(errors, "timeout", properties.getTimeout(), "60s");
		checkPositive(errors, "keepAliveTimeout", properties.getKeepAliveTimeout(), "20s");
		if (properties.getKeepAliveTime() != null) {
			checkPositive(errors, "keepAliveTime", properties.getKeepAliveTime(), "30s");
		}
		DataSize size = properties.getMaxMessageSize();
		if (size.toBytes() <= 0 || size.toBytes() > Integer.MAX_VALUE) {
			errors.rejectValue("maxMessageSize", "dapr.client.size",
					"must be more than 0 bytes and less than 2GB, for example 4MB; got " + size);
		}
	}

	private static void checkPositive(Errors errors, String field, Duration value, String example) {
		if (value.isNegative() || value.isZero()) {
			errors.rejectValue(field, "dapr.client.positive",
					"must be positive, for example " + example + "; got " + value);
		}
	}

	/**
	 * The forms DaprChannels accepts (http(s)://host[:port], host:port only for gRPC, or a
	 * Unix domain socket unix:/path).
	 */
	private static void checkEndpoint(Errors errors, String field, @Nullable String endpoint, String example,
			boolean bareHostAllowed) {
		if (endpoint == null) {
			return;
		}
		boolean valid = bareHostAllowed || endpoint.contains("://") || endpoint.startsWith(UnixSocketEndpoint.SCHEME);
		try {
			DaprChannels.check(endpoint);
		}
		catch (IllegalArgumentException ex) {
			valid = false;
		}
		if (!valid) {
			errors.rejectValue(field, "dapr.client.endpoint", "must be http://host:port (plaintext), "
					+ "https://host:port (TLS) or unix:/path/to/socket, for example " + example + "; got '" + endpoint
					+ "'");
		}
	}

}
