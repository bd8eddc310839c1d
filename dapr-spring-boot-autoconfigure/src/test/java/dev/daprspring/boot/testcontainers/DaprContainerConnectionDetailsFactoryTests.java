package dev.daprspring.boot.testcontainers;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class DaprContainerConnectionDetailsFactoryTests {

	@Test
	void theContainerConnectionDetailsFactoryIsRegistered() {
		// Skip factories of other modules whose optional classes are absent, as Boot does.
		List<?> factories = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ConnectionDetailsFactory.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}));
		assertThat(factories).hasAtLeastOneElementOfType(DaprContainerConnectionDetailsFactory.class);
	}

}
