package dev.daprspring.boot.autoconfigure.badinput;

import java.util.Map;

import dev.daprspring.core.DaprOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value stored before a bad call, checked afterwards: a rejected call must leave what
 * was already stored as it was.
 */
final class Sentinel {

	static final String KEY = "sentinel";

	static final Map<String, Object> VALUE = Map.of("order", "o-1", "quantity", 3);

	private Sentinel() {
	}

	static void store(DaprOperations dapr, String store) {
		dapr.state(store).save(KEY, VALUE);
	}

	static void assertIntact(DaprOperations dapr, String store) {
		assertThat(dapr.state(store).get(KEY, Map.class)).as("the value stored before the bad call").contains(VALUE);
	}

}
