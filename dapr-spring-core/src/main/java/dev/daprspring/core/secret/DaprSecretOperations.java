package dev.daprspring.core.secret;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.dapr.v1.DaprSecretProtos.GetBulkSecretRequest;
import io.dapr.v1.DaprSecretProtos.GetBulkSecretResponse;
import io.dapr.v1.DaprSecretProtos.GetSecretRequest;
import io.dapr.v1.DaprSecretProtos.GetSecretResponse;

import dev.daprspring.core.client.DaprBuildingBlock;
import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprApiException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.util.Assert;

/**
 * {@link SecretOperations} over the sidecar's gRPC secrets API.
 */
public final class DaprSecretOperations implements SecretOperations {

	private static final String BLOCK = DaprBuildingBlock.SECRETS.id();

	private final DaprTransport transport;

	private final String store;

	public DaprSecretOperations(DaprTransport transport, String store) {
		Assert.hasText(store, "Secret store name must not be empty");
		this.transport = transport;
		this.store = store;
	}

	@Override
	public String storeName() {
		return this.store;
	}

	@Override
	public Map<String, String> get(String key, Map<String, String> metadata) {
		Assert.hasText(key, () -> "Secret key must not be empty (secret store '" + this.store + "')");
		GetSecretRequest request = GetSecretRequest.newBuilder()
			.setStoreName(this.store)
			.setKey(key)
			.putAllMetadata(metadata)
			.build();
		try {
			GetSecretResponse response = this.transport.call(DaprCall.read(BLOCK, "get", this.store),
					(dapr) -> dapr.getSecret(request));
			return sorted(response.getDataMap());
		}
		catch (DaprApiException ex) {
			if (isMissingSecret(ex)) {
				return Map.of();
			}
			throw ex;
		}
	}

	@Override
	public Optional<String> getValue(String key) {
		Map<String, String> values = get(key);
		if (values.containsKey(key)) {
			return Optional.of(values.get(key));
		}
		if (values.size() <= 1) {
			return values.values().stream().findFirst();
		}
		throw new InvalidDataAccessApiUsageException("Secret '" + key + "' in secret store '" + this.store
				+ "' holds several values " + values.keySet() + " and none is named '" + key
				+ "'; use get(\"" + key + "\") and pick one by name");
	}

	@Override
	public Map<String, Map<String, String>> getAll(Map<String, String> metadata) {
		GetBulkSecretRequest request = GetBulkSecretRequest.newBuilder()
			.setStoreName(this.store)
			.putAllMetadata(metadata)
			.build();
		GetBulkSecretResponse response = this.transport.call(DaprCall.read(BLOCK, "getAll", this.store),
				(dapr) -> dapr.getBulkSecret(request));
		Map<String, Map<String, String>> secrets = new TreeMap<>();
		response.getDataMap().forEach((key, secret) -> secrets.put(key, sorted(secret.getSecretsMap())));
		return Collections.unmodifiableMap(secrets);
	}

	/**
	 * Whether the store said the secret does not exist. Stores word it their own way
	 * ({@code secret x not found}, {@code secrets "x" not found}, {@code SecretNotFound}), and
	 * daprd wraps it in an INTERNAL error, so the wording is all there is to go on.
	 */
	private static boolean isMissingSecret(DaprApiException ex) {
		String description = ex.getDetails().description();
		String code = ex.getDetails().grpcCode();
		if (description == null || !("INTERNAL".equals(code) || "NOT_FOUND".equals(code))) {
			return false;
		}
		String lower = description.toLowerCase(Locale.ROOT);
		return lower.contains("not found") || lower.contains("notfound") || lower.contains("does not exist");
	}

	private static Map<String, String> sorted(Map<String, String> values) {
		return Collections.unmodifiableMap(new TreeMap<>(values));
	}

}
