package dev.daprspring.boot.autoconfigure.actuate.sanitize;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.secret.DaprSecretStoreConfigDataLocationResolver;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.PropertySource;

/**
 * Masks every value imported from a Dapr secret store ({@code spring.config.import=dapr:…})
 * and every Dapr API token ({@code dapr.*.api-token}, {@code dapr.*.app-api-token},
 * {@code DAPR_API_TOKEN}, {@code APP_API_TOKEN}), including the one a launched sidecar
 * publishes: with {@code show-values=always} Spring Boot would show them as they are.
 */
public final class DaprSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		return (isImportedSecret(data.getPropertySource()) || isApiToken(data.getLowerCaseKey()))
				? data.withSanitizedValue() : data;
	}

	// The source of an imported secret is named after the import's location.
	private static boolean isImportedSecret(@Nullable PropertySource<?> source) {
		return source != null && source.getName().startsWith(DaprSecretStoreConfigDataLocationResolver.PREFIX);
	}

	// Relaxed names: dapr.client.api-token, dapr.client.apiToken, DAPR_API_TOKEN and APP_API_TOKEN alike.
	private static boolean isApiToken(String key) {
		String name = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
		return name.endsWith("apitoken") && (name.startsWith("dapr") || name.equals("appapitoken"));
	}

}
