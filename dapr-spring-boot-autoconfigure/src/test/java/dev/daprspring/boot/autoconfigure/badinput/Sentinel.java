package dev.daprspring.boot.autoconfigure.badinput;

import java.util.Map;

import dev.daprspring.core.DaprOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value stored before a bad call, checked afterwards: a rejected call must leave what
 * was already stored as it was.
 */
public final class Sentinel {

	public static final String KEY = "sentinel";

	public static final Map<String, Object> VALUE = Map.of("order", "o-1", "quantity", 3);

	private Sentinel() {
	}

	public static void store(DaprOperations dapr, String store) {
		dapr.state(store).save(KEY, VALUE);
	}

	public static void assertIntact(DaprOperations dapr, String store) {
		assertThat(dapr.state(store).get(KEY, Map.class)).as("the value stored before the bad call").contains(VALUE);
	}

}
