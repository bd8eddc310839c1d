package dev.daprspring.data.repository;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalPostgresServer;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;

/**
 * One real daprd with an in-memory, a Redis and a PostgreSQL (v1) state store, shared by the
 * repository tests of this JVM and stopped when it exits.
 */
final class RepositorySidecar {

	private static DaprSidecar sidecar;

	private static String postgresConnection;

	private static DaprSidecar otherApp;

	private RepositorySidecar() {
	}

	static synchronized DaprSidecar get() {
		if (sidecar == null) {
			LocalRedisServer redis = LocalRedisServer.start();
			LocalPostgresServer postgres = LocalPostgresServer.start();
			DaprSidecar started = DaprSidecar.builder("repository-tests")
				.component(DaprComponents.inMemoryState("memory"))
				.component(DaprComponents.redisState("redis", redis.address()))
				.component(DaprComponents.postgresState("postgres", postgres.connectionString()))
				.component(DaprComponents.inMemoryPubSub("pubsub"))
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				started.close();
				postgres.close();
				redis.close();
			}));
			sidecar = started;
			postgresConnection = postgres.connectionString();
		}
		return sidecar;
	}

	/** A second daprd, of another app id, on the same PostgreSQL store ({@code postgres}). */
	static synchronized DaprSidecar otherApp() {
		get();
		if (otherApp == null) {
			DaprSidecar started = DaprSidecar.builder("repository-tests-other")
				.component(DaprComponents.postgresState("postgres", postgresConnection))
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(started::close));
			otherApp = started;
		}
		return otherApp;
	}

}
