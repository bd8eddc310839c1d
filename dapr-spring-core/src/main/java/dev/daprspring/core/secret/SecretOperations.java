package dev.daprspring.core.secret;

import java.util.Map;
import java.util.Optional;

/**
 * The secrets API of one secret store. A secret is a map of value names to values: most
 * stores hold one value named like the secret itself, some (Kubernetes, a multi-valued
 * local file) hold several.
 */
public interface SecretOperations {

	/** The secret store these operations use. */
	String storeName();

	/**
	 * All values of a secret, by value name.
	 * @return the values, empty when the store says it has no such secret
	 * @throws dev.daprspring.core.error.DaprPermissionDeniedException if the sidecar's
	 * secret scopes deny the secret
	 */
	default Map<String, String> get(String key) {
		return get(key, Map.of());
	}

	/**
	 * Like {@link #get(String)}, passing metadata to the store (for example
	 * {@code version_id} or {@code namespace}).
	 */
	Map<String, String> get(String key, Map<String, String> metadata);

	/**
	 * The value of a single-value secret: the value named like the key, else the only value.
	 * @return the value, or empty when the store has no such secret
	 * @throws org.springframework.dao.InvalidDataAccessApiUsageException if the secret holds
	 * several values and none is named like the key
	 */
	Optional<String> getValue(String key);

	/** Every secret the store lets this app read, by secret key, each with its values by name. */
	default Map<String, Map<String, String>> getAll() {
		return getAll(Map.of());
	}

	/** Like {@link #getAll()}, passing metadata to the store. */
	Map<String, Map<String, String>> getAll(Map<String, String> metadata);

}
