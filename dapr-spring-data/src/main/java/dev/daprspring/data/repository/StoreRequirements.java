package dev.daprspring.data.repository;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import dev.daprspring.core.metadata.SidecarMetadata;
import dev.daprspring.core.metadata.SidecarMetadata.Component;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

/**
 * Checks that a state store can back repositories: they need {@code ETAG} (the index documents
 * and {@code @Version} are guarded by ETags) and {@code TRANSACTIONAL} (bulk deletes).
 */
final class StoreRequirements {

	static final List<String> NEEDED = List.of("ETAG", "TRANSACTIONAL");

	private StoreRequirements() {
	}

	/**
	 * Checks the store against what the sidecar reports.
	 * @param repositories the repositories on the store, named in the message
	 * @return the store as the sidecar reports it
	 * @throws InvalidDataAccessResourceUsageException naming the store, what it has and what
	 * is missing
	 */
	static Component check(SidecarMetadata metadata, String store, Collection<String> repositories) {
		String users = "Repositories " + String.join(", ", repositories);
		Component component = metadata.component(store)
			.filter((c) -> c.type().startsWith("state."))
			.orElseThrow(() -> new InvalidDataAccessResourceUsageException(users + " use state store '" + store
					+ "', which the sidecar does not have; its state stores: " + stateStores(metadata)
					+ ". Set @DaprStateRepository(store = ...) or dapr.data.default-store to one of them."));
		List<String> missing = NEEDED.stream().filter((c) -> !component.hasCapability(c)).toList();
		if (!missing.isEmpty()) {
			throw new InvalidDataAccessResourceUsageException(users + " cannot use state store '" + store + "' ("
					+ component.type() + "/" + component.version() + ", capabilities " + component.capabilities()
					+ "): repositories need " + NEEDED + " and it lacks " + missing
					+ ". Use a transactional store such as state.redis, state.postgresql or state.in-memory.");
		}
		return component;
	}

	private static String stateStores(SidecarMetadata metadata) {
		String stores = metadata.components()
			.stream()
			.filter((c) -> c.type().startsWith("state."))
			.map((c) -> c.name() + " (" + c.type() + ")")
			.collect(Collectors.joining(", "));
		return stores.isEmpty() ? "none" : stores;
	}

}
