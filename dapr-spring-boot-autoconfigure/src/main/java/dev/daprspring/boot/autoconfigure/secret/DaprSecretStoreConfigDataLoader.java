package dev.daprspring.boot.autoconfigure.secret;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprComponentNotFoundException;
import dev.daprspring.core.error.DaprPermissionDeniedException;
import dev.daprspring.core.error.DaprSidecarUnavailableException;
import dev.daprspring.core.secret.DaprSecretOperations;
import dev.daprspring.core.secret.SecretOperations;
import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.boot.context.config.ConfigDataResourceNotFoundException;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.dao.DataAccessException;

/**
 * Reads the secrets of a {@link DaprSecretStoreConfigDataResource} over a connection of
 * its own, closed before it returns: the application's {@code DaprTransport} bean does
 * not exist yet. See {@link SecretPropertyNames} for the property names.
 */
public class DaprSecretStoreConfigDataLoader implements ConfigDataLoader<DaprSecretStoreConfigDataResource> {

	private final Log logger;

	// Spring retries an optional import that was not found once profiles are active.
	private final Set<DaprSecretStoreConfigDataResource> skipped = ConcurrentHashMap.newKeySet();

	public DaprSecretStoreConfigDataLoader(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(DaprSecretStoreConfigDataLoader.class);
	}

	@Override
	public ConfigData load(ConfigDataLoaderContext context, DaprSecretStoreConfigDataResource resource) {
		if (this.skipped.contains(resource)) {
			throw new ConfigDataResourceNotFoundException(resource);
		}
		try (DaprTransport transport = new DaprTransport(resource.options())) {
			Map<String, Map<String, String>> secrets = read(new DaprSecretOperations(transport, resource.storeName()),
					resource.key());
			if (secrets == null) {
				throw failure(resource, "secret store '" + resource.storeName() + "' has no secret '" + resource.key()
						+ "'", "Check the key, or import the whole store with "
								+ DaprSecretStoreConfigDataLocationResolver.PREFIX + "/" + resource.storeName(),
						null);
			}
			Map<String, Object> properties = SecretPropertyNames.toProperties(secrets);
			this.logger.debug("Imported " + properties.size() + " properties from " + resource);
			return new ConfigData(List.of(new MapPropertySource(resource.location(), properties)));
		}
		catch (DataAccessException ex) {
			throw failure(resource, ex.getMessage(), action(ex), ex);
		}
	}

	/** All secrets, or the one asked for; {@code null} when the store has no such secret. */
	private static @Nullable Map<String, Map<String, String>> read(SecretOperations secrets, @Nullable String key) {
		if (key == null) {
			return secrets.getAll();
		}
		Map<String, String> values = secrets.get(key);
		return values.isEmpty() ? null : Map.of(key, values);
	}

	private static String action(DataAccessException ex) {
		if (ex instanceof DaprSidecarUnavailableException) {
			return "Start daprd before the application (dapr.sidecar.launch starts it only after configuration is "
					+ "imported), or point dapr.client.grpc-endpoint (or DAPR_GRPC_ENDPOINT / DAPR_GRPC_PORT) at a "
					+ "running sidecar";
		}
		if (ex instanceof DaprComponentNotFoundException) {
			return "Check the store name in spring.config.import, or give daprd a secret store component of "
					+ "that name in its resources path";
		}
		if (ex instanceof DaprPermissionDeniedException) {
			return "Set dapr.client.api-token (or DAPR_API_TOKEN) to the token daprd was started with, or allow "
					+ "the secrets in the secret scopes of daprd's Configuration";
		}
		return "See the sidecar's message above and its log";
	}

	/**
	 * An optional import is skipped (Spring ignores a resource that is not found); any
	 * other fails the startup.
	 */
	private RuntimeException failure(DaprSecretStoreConfigDataResource resource, @Nullable String problem,
			String action, @Nullable Throwable cause) {
		if (resource.optional()) {
			this.skipped.add(resource);
			this.logger.warn("Skipping optional config import '" + resource.location() + "' (Dapr sidecar at "
					+ resource.options().grpcEndpoint() + "): " + problem);
			return new ConfigDataResourceNotFoundException(resource, cause);
		}
		return new DaprSecretStoreImportException(resource, String.valueOf(problem),
				action + ". Or write 'optional:" + resource.location() + "' to start without these secrets when "
						+ "they cannot be read.",
				cause);
	}

}
