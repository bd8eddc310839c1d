package dev.daprspring.boot.autoconfigure.secret;

import java.util.List;

import dev.daprspring.boot.autoconfigure.client.DaprClientProperties;
import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.boot.autoconfigure.client.PropertiesDaprConnectionDetails;
import dev.daprspring.boot.autoconfigure.sidecar.LaunchedSidecarConnection;
import dev.daprspring.core.client.DaprClientOptions;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Resolves {@code dapr:secretstore/<store>} and {@code dapr:secretstore/<store>/<key>}.
 * The connection comes from {@code dapr.client.*} as known when the import is processed
 * (and DAPR_GRPC_ENDPOINT, DAPR_GRPC_PORT, DAPR_API_TOKEN), since no bean exists yet; with
 * {@code dapr.sidecar.launch} the application's own sidecar is launched for it.
 */
public class DaprSecretStoreConfigDataLocationResolver
		implements ConfigDataLocationResolver<DaprSecretStoreConfigDataResource> {

	/** How every import location starts; it also names the property source of the imported secrets. */
	public static final String PREFIX = "dapr:secretstore";

	private static final String SYNTAX = "write dapr:secretstore/<store> for every secret of a store, or "
			+ "dapr:secretstore/<store>/<key> for one";

	@Override
	public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		return location.hasPrefix(PREFIX);
	}

	@Override
	public List<DaprSecretStoreConfigDataResource> resolve(ConfigDataLocationResolverContext context,
			ConfigDataLocation location) {
		String path = location.getNonPrefixedValue(PREFIX);
		if (!path.startsWith("/") || path.length() == 1 || path.startsWith("//")) {
			throw new IllegalArgumentException(
					"Config import '" + location.getValue() + "' names no secret store: " + SYNTAX);
		}
		String rest = path.substring(1);
		int slash = rest.indexOf('/');
		String store = (slash < 0) ? rest : rest.substring(0, slash);
		String key = (slash < 0 || slash == rest.length() - 1) ? null : rest.substring(slash + 1);
		return List.of(new DaprSecretStoreConfigDataResource(store, key, options(context), location.isOptional()));
	}

	private static DaprClientOptions options(ConfigDataLocationResolverContext context) {
		Binder binder = context.getBinder();
		DaprClientProperties properties = binder.bind("dapr.client", Bindable.ofInstance(new DaprClientProperties()))
			.orElseGet(DaprClientProperties::new);
		// With dapr.sidecar.launch the application's own sidecar is launched now, to be read from.
		LaunchedSidecarConnection sidecar = context.getBootstrapContext().getOrElse(LaunchedSidecarConnection.class, null);
		DaprConnectionDetails launched = (sidecar != null) ? sidecar.connect(binder) : null;
		DaprConnectionDetails connection = (launched != null) ? launched
				: new PropertiesDaprConnectionDetails(properties);
		// A few calls on a short-lived channel: endpoint, token and deadline are all that matter.
		return DaprClientOptions.of(connection.getGrpcEndpoint(), connection.getHttpEndpoint(), connection.getApiToken())
			.withTimeout(properties.getTimeout());
	}

}
