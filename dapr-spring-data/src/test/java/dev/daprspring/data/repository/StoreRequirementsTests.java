package dev.daprspring.data.repository;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.metadata.SidecarMetadata;
import dev.daprspring.core.metadata.SidecarMetadata.Component;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The store check's messages, against metadata as the sidecar reports it.
 */
class StoreRequirementsTests {

	static final List<String> REPOSITORIES = List.of("com.example.OrderRepository", "com.example.CartRepository");

	static SidecarMetadata sidecarWith(Component... components) {
		return new SidecarMetadata("app", "1.17.5", List.of(components), List.of(), null, "DISABLED", List.of(),
				Map.of());
	}

	@Test
	void aTransactionalStoreWithEtagsPasses() {
		SidecarMetadata metadata = sidecarWith(new Component("orders", "state.redis", "v1",
				List.of("ETAG", "TRANSACTIONAL", "TTL", "ACTOR")));
		assertThatNoException().isThrownBy(() -> StoreRequirements.check(metadata, "orders", REPOSITORIES));
	}

	@Test
	void anUnknownStoreIsNamedWithTheStateStoresTheSidecarHas() {
		SidecarMetadata metadata = sidecarWith(new Component("memory", "state.in-memory", "v1", List.of("ETAG")),
				new Component("pubsub", "pubsub.in-memory", "v1", List.of()),
				new Component("redis", "state.redis", "v1", List.of("ETAG", "TRANSACTIONAL")));
		assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> StoreRequirements.check(metadata, "orders", REPOSITORIES))
			.withMessage("Repositories com.example.OrderRepository, com.example.CartRepository use state store "
					+ "'orders', which the sidecar does not have; its state stores: memory (state.in-memory), "
					+ "redis (state.redis). Set @DaprStateRepository(store = ...) or dapr.data.default-store "
					+ "to one of them.");
	}

	@Test
	void aComponentOfAnotherKindIsNotAStateStore() {
		SidecarMetadata metadata = sidecarWith(new Component("orders", "pubsub.redis", "v1", List.of()));
		assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> StoreRequirements.check(metadata, "orders", REPOSITORIES))
			.withMessageContaining("use state store 'orders', which the sidecar does not have")
			.withMessageContaining("its state stores: none.");
	}

	@Test
	void aStoreWithoutTheNeededCapabilitiesIsNamedWithWhatItHasAndLacks() {
		SidecarMetadata metadata = sidecarWith(
				new Component("cache", "state.memcached", "v1", List.of("ETAG", "TTL")));
		assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> StoreRequirements.check(metadata, "cache", List.of("com.example.OrderRepository")))
			.withMessage("Repositories com.example.OrderRepository cannot use state store 'cache' "
					+ "(state.memcached/v1, capabilities [ETAG, TTL]): repositories need [ETAG, TRANSACTIONAL] "
					+ "and it lacks [TRANSACTIONAL]. Use a transactional store such as state.redis, "
					+ "state.postgresql or state.in-memory.");
	}

}
