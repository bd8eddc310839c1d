package dev.daprspring.boot.sidecar.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The images of the servers the container tests start beside daprd, built from Debian's
 * packages by {@code scripts/docker-images} (nothing is pulled).
 */
public final class TestImages {

	/** Debian's redis-server, listening on 6379. */
	public static final String REDIS = "dapr-spring-boot/redis:bookworm";

	/** Debian's PostgreSQL, listening on 5432, user from POSTGRES_USER, password from POSTGRES_PASSWORD. */
	public static final String POSTGRES = "dapr-spring-boot/postgres:bookworm";

	private TestImages() {
	}

	/** A Redis container on the network, reached there as {@code alias:6379}. */
	public static GenericContainer<?> redis(Network network, String alias) {
		return new GenericContainer<>(REDIS).withNetwork(network)
			.withNetworkAliases(alias)
			.withExposedPorts(6379)
			.waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
	}

	/** A PostgreSQL container on the network, reached there as {@code alias:5432}. */
	public static GenericContainer<?> postgres(Network network, String alias, String password) {
		return new GenericContainer<>(POSTGRES).withNetwork(network)
			.withNetworkAliases(alias)
			.withEnv("POSTGRES_PASSWORD", password)
			.withExposedPorts(5432)
			.waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 1));
	}

}
