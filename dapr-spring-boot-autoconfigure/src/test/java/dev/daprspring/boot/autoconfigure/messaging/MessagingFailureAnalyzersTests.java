package dev.daprspring.boot.autoconfigure.messaging;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure analyzers of messaging are registered with Spring Boot.
 */
class MessagingFailureAnalyzersTests {

	@Test
	void theAnalyzersAreRegisteredWithSpringBoot() {
		// Analyzers of other modules that need constructor arguments are passed over.
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {
			}));
		assertThat(analyzers).hasAtLeastOneElementOfType(StreamingDeliveryFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(FunctionBindingFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(NoPubSubFailureAnalyzer.class);
	}

}
