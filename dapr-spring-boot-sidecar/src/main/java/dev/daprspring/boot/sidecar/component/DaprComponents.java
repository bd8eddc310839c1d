package dev.daprspring.boot.sidecar.component;

import java.nio.file.Path;

/**
 * Factory methods for the components this project runs against. Each returns a plain
 * {@link DaprComponent}, so any metadata can still be added with
 * {@link DaprComponent#withMetadata(String, String)}.
 */
public final class DaprComponents {

	private DaprComponents() {
	}

	/** In-memory state store: ETags, transactions and TTL; no query API; lost on restart. */
	public static DaprComponent inMemoryState(String name) {
		return DaprComponent.of(name, "state.in-memory");
	}

	/** In-memory pub/sub: delivers only to apps of this one sidecar. */
	public static DaprComponent inMemoryPubSub(String name) {
		return DaprComponent.of(name, "pubsub.in-memory");
	}

	/** Redis state store at {@code host:port}. */
	public static DaprComponent redisState(String name, String hostAndPort) {
		return DaprComponent.of(name, "state.redis").withMetadata("redisHost", hostAndPort)
			.withMetadata("redisPassword", "");
	}

	/** Redis streams pub/sub at {@code host:port}. */
	public static DaprComponent redisPubSub(String name, String hostAndPort) {
		return DaprComponent.of(name, "pubsub.redis").withMetadata("redisHost", hostAndPort)
			.withMetadata("redisPassword", "");
	}

	/**
	 * Redis lock store at {@code host:port} (in daprd's {@code allcomponents} flavour). Its resource
	 * ids are prefixed with the app id; add metadata {@code keyPrefix} {@code name} or {@code none}
	 * for locks that apps with different ids share.
	 */
	public static DaprComponent redisLock(String name, String hostAndPort) {
		return DaprComponent.of(name, "lock.redis").withMetadata("redisHost", hostAndPort)
			.withMetadata("redisPassword", "");
	}

	/**
	 * PostgreSQL state store, component version v1, which supports the state query API.
	 * @param connectionString a libpq key/value or URL connection string
	 */
	public static DaprComponent postgresState(String name, String connectionString) {
		return DaprComponent.of(name, "state.postgresql").withMetadata("connectionString", connectionString);
	}

	/** Secret store reading a JSON file; nested keys are joined with {@code :}. */
	public static DaprComponent localFileSecretStore(String name, Path jsonFile) {
		return DaprComponent.of(name, "secretstores.local.file")
			.withMetadata("secretsFile", jsonFile.toAbsolutePath().toString())
			.withMetadata("nestedSeparator", ":");
	}

	/**
	 * Cron input binding that calls the app's {@code /<name>} route on a schedule.
	 * @param schedule for example {@code @every 1s} or a six-field cron expression
	 */
	public static DaprComponent cronBinding(String name, String schedule) {
		return DaprComponent.of(name, "bindings.cron").withMetadata("schedule", schedule);
	}

	/** Output binding that reads and writes files under a root folder. */
	public static DaprComponent localStorageBinding(String name, Path rootPath) {
		return DaprComponent.of(name, "bindings.localstorage")
			.withMetadata("rootPath", rootPath.toAbsolutePath().toString());
	}

}
