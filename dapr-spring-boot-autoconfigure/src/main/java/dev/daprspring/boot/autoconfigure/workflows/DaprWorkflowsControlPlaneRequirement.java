package dev.daprspring.boot.autoconfigure.workflows;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.sidecar.DaprControlPlaneRequirement;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Workflows run on daprd's actor runtime: when the application's packages hold
 * {@code @DaprWorkflow} classes, a launched daprd gets placement and scheduler.
 */
final class DaprWorkflowsControlPlaneRequirement implements DaprControlPlaneRequirement {

	private static final String WORKFLOW_ANNOTATION = "dev.daprspring.workflows.annotation.DaprWorkflow";

	@Override
	public @Nullable String requiresControlPlane(Binder binder, List<String> applicationPackages) {
		ClassLoader classLoader = getClass().getClassLoader();
		if (!ClassUtils.isPresent(WORKFLOW_ANNOTATION, classLoader)
				|| !binder.bind("dapr.workflows.enabled", Boolean.class).orElse(true)) {
			return null;
		}
		Set<String> workflows = DaprControlPlaneRequirement.classesIn(applicationPackages,
				new AnnotationTypeFilter(dev.daprspring.workflows.annotation.DaprWorkflow.class));
		return workflows.isEmpty() ? null : "the application runs workflows: " + String.join(", ", workflows);
	}

}
