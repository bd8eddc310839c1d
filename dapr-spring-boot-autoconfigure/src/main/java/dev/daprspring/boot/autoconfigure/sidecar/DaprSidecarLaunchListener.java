package dev.daprspring.boot.autoconfigure.sidecar;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.ClassUtils;

/**
 * Hands {@link ApplicationPreparedEvent} to {@link DaprSidecarLauncher} when
 * {@code dapr-spring-boot-sidecar} is on the classpath, so that applications without it
 * never load the launcher's types.
 */
public class DaprSidecarLaunchListener implements ApplicationListener<ApplicationPreparedEvent> {

	private static final boolean SIDECAR_PRESENT = ClassUtils.isPresent("dev.daprspring.boot.sidecar.DaprSidecar",
			DaprSidecarLaunchListener.class.getClassLoader());

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		if (SIDECAR_PRESENT) {
			DaprSidecarLauncher.launchIfRequested(event);
		}
	}

}
