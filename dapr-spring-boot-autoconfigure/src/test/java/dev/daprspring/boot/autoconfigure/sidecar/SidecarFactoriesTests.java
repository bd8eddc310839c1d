package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;

class SidecarFactoriesTests {

	@Test
	void theLaunchListenerIsRegistered() {
		List<?> listeners = SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class);
		assertThat(listeners).hasAtLeastOneElementOfType(DaprSidecarListener.class);
	}

	@Test
	void theRunListenerIsRegistered() {
		SpringApplication application = new SpringApplication();
		List<?> listeners = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(SpringApplicationRunListener.class,
					ArgumentResolver.of(SpringApplication.class, application).and(String[].class, new String[0]));
		assertThat(listeners).hasAtLeastOneElementOfType(DaprSidecarRunListener.class);
	}

}
