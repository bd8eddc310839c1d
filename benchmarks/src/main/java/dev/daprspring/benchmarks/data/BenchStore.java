package dev.daprspring.benchmarks.data;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.component.DaprComponent;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalPostgresServer;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;

/**
 * The state store the data benchmark runs on ({@code --store}): state.in-memory, or
 * state.redis or state.postgresql (v1) backed by a throwaway server from the Debian binaries
 * on a free port, stopped with this.
 */
final class BenchStore implements AutoCloseable {

	static final List<String> KINDS = List.of("in-memory", "redis", "postgresql");

	private final DaprComponent component;

	private final String type;

	private final @Nullable AutoCloseable server;

	private BenchStore(DaprComponent component, String type, @Nullable AutoCloseable server) {
		this.component = component;
		this.type = type;
		this.server = server;
	}

	static BenchStore start(String kind, String name) {
		return switch (kind) {
			case "in-memory" -> new BenchStore(DaprComponents.inMemoryState(name), "state.in-memory", null);
			case "redis" -> {
				LocalRedisServer redis = LocalRedisServer.start();
				yield new BenchStore(DaprComponents.redisState(name, redis.address()), "state.redis", redis);
			}
			case "postgresql" -> {
				LocalPostgresServer postgres = LocalPostgresServer.start();
				yield new BenchStore(DaprComponents.postgresState(name, postgres.connectionString()),
						"state.postgresql v1", postgres);
			}
			default -> throw new IllegalArgumentException("Unknown store '" + kind + "'; known: " + KINDS);
		};
	}

	DaprComponent component() {
		return this.component;
	}

	String type() {
		return this.type;
	}

	@Override
	public void close() throws Exception {
		if (this.server != null) {
			this.server.close();
		}
	}

}
