package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class SidecarFactoriesTests {

	@Test
	void theLaunchListenerIsRegistered() {
		List<?> listeners = SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class);
		assertThat(listeners).hasAtLeastOneElementOfType(DaprSidecarLaunchListener.class);
	}

}
