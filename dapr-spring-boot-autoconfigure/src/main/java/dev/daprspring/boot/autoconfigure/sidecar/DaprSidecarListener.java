package dev.daprspring.boot.autoconfigure.sidecar;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Launches daprd once the context is prepared, before any bean is created, when
 * {@code dapr.sidecar.launch} asks for it.
 */
class DaprSidecarListener implements ApplicationListener<ApplicationPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		// Without dapr-spring-boot-sidecar the launcher's types are never loaded.
		if (DaprSidecarRunListener.SIDECAR_PRESENT) {
			new DaprSidecarLifecycleManager(event.getSpringApplication()).start(event.getApplicationContext());
		}
	}

}
