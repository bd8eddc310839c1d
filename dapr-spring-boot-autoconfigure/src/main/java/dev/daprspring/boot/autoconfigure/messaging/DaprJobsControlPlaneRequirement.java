package dev.daprspring.boot.autoconfigure.messaging;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.sidecar.DaprControlPlaneRequirement;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.ClassUtils;

/**
 * Jobs are held by the scheduler: when the application's packages hold
 * {@code @DaprJobListener} or {@code @DaprScheduled} methods, a launched daprd gets the
 * control plane. An application that only schedules jobs handled elsewhere sets
 * {@code dapr.sidecar.control-plane.launch=always}.
 */
final class DaprJobsControlPlaneRequirement implements DaprControlPlaneRequirement {

	private static final String LISTENER_ANNOTATION = "dev.daprspring.messaging.job.DaprJobListener";

	private static final String SCHEDULED_ANNOTATION = "dev.daprspring.messaging.job.DaprScheduled";

	@Override
	public @Nullable String requiresControlPlane(Binder binder, List<String> applicationPackages) {
		if (!ClassUtils.isPresent(LISTENER_ANNOTATION, getClass().getClassLoader())) {
			return null;
		}
		Set<String> handlers = DaprControlPlaneRequirement.classesIn(applicationPackages,
				(reader, factory) -> reader.getAnnotationMetadata().hasAnnotatedMethods(LISTENER_ANNOTATION)
						|| reader.getAnnotationMetadata().hasAnnotatedMethods(SCHEDULED_ANNOTATION));
		return handlers.isEmpty() ? null : "the application handles jobs: " + String.join(", ", handlers);
	}

}
