package dev.daprspring.boot.autoconfigure.messaging;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@link DaprAppConnectionDetails} from {@code dapr.app.api-token}, falling back to the
 * {@code APP_API_TOKEN} variable that Dapr gives an app it runs with a token. An empty
 * value counts as unset, so it cannot switch the check off.
 */
public class PropertiesDaprAppConnectionDetails implements DaprAppConnectionDetails {

	private final DaprAppProperties properties;

	private final Environment environment;

	public PropertiesDaprAppConnectionDetails(DaprAppProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public @Nullable String getAppApiToken() {
		String token = this.properties.getApiToken();
		if (!StringUtils.hasText(token)) {
			token = this.environment.getProperty("APP_API_TOKEN");
		}
		return StringUtils.hasText(token) ? token : null;
	}

}
