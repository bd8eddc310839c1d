package dev.daprspring.boot.autoconfigure.messaging;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.sidecar.DaprControlPlaneRequirement;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * Jobs are held by the scheduler: when the application's packages hold
 * {@code @DaprJobListener} or {@code @DaprScheduled} methods, a launched daprd gets the control plane. An application
 * that only schedules jobs handled elsewhere sets {@code dapr.sidecar.control-plane.launch=always}.
 */
final class DaprJobsControlPlaneRequirement implements DaprControlPlaneRequirement {

	private static final String LISTENER_ANNOTATION = "dev.daprspring.messaging.job.DaprJobListener";

	private static final String SCHEDULED_ANNOTATION = "dev.daprspring.messaging.job.DaprScheduled";

	@Override
	public @Nullable String requiresControlPlane(Binder binder, List<String> applicationPackages) {
		if (!ClassUtils.isPresent(LISTENER_ANNOTATION, getClass().getClassLoader())) {
			return null;
		}
		Set<String> handlers = handlerClasses(applicationPackages);
		return handlers.isEmpty() ? null : "the application handles jobs: " + String.join(", ", handlers);
	}

	// Read from the class files' metadata, without loading the classes.
	private static Set<String> handlerClasses(List<String> packages) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata()
			.hasAnnotatedMethods(LISTENER_ANNOTATION)
				|| reader.getAnnotationMetadata().hasAnnotatedMethods(SCHEDULED_ANNOTATION));
		Set<String> found = new TreeSet<>();
		for (String name : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(name)) {
				found.add(ClassUtils.getShortName(String.valueOf(candidate.getBeanClassName())));
			}
		}
		return found;
	}

}
