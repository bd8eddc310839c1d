package dev.daprspring.boot.autoconfigure.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * {@link DaprConnectionDetails} from {@link DaprClientProperties}, falling back to the
 * environment variables that Dapr sets for an app it runs ({@code dapr run}, Kubernetes).
 */
public class PropertiesDaprConnectionDetails implements DaprConnectionDetails {

	private final DaprClientProperties properties;

	private final Map<String, String> environment;

	public PropertiesDaprConnectionDetails(DaprClientProperties properties) {
		this(properties, System.getenv());
	}

	PropertiesDaprConnectionDetails(DaprClientProperties properties, Map<String, String> environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public String getGrpcEndpoint() {
		return endpoint(this.properties.getGrpcEndpoint(), "DAPR_GRPC_ENDPOINT", "DAPR_GRPC_PORT", 50001);
	}

	@Override
	public String getHttpEndpoint() {
		return endpoint(this.properties.getHttpEndpoint(), "DAPR_HTTP_ENDPOINT", "DAPR_HTTP_PORT", 3500);
	}

	@Override
	public @Nullable String getApiToken() {
		String token = this.properties.getApiToken();
		return StringUtils.hasText(token) ? token : env("DAPR_API_TOKEN");
	}

	private String endpoint(@Nullable String configured, String endpointVariable, String portVariable,
			int defaultPort) {
		if (StringUtils.hasText(configured)) {
			return configured;
		}
		String fromEnvironment = env(endpointVariable);
		if (fromEnvironment != null) {
			return fromEnvironment;
		}
		String port = env(portVariable);
		return "http://127.0.0.1:" + ((port != null) ? port : defaultPort);
	}

	private @Nullable String env(String name) {
		String value = this.environment.get(name);
		return StringUtils.hasText(value) ? value : null;
	}

}
