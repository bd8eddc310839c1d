package dev.daprspring.boot.autoconfigure.actors;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.autoconfigure.sidecar.DaprControlPlaneRequirement;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Actors need placement (and scheduler, for reminders): when the application's packages
 * hold {@code @DaprActor} classes, a launched daprd gets both. An application that only
 * calls actors hosted elsewhere sets {@code dapr.sidecar.control-plane.launch=always}.
 */
final class DaprActorsControlPlaneRequirement implements DaprControlPlaneRequirement {

	private static final String ACTOR_ANNOTATION = "dev.daprspring.actors.annotation.DaprActor";

	@Override
	public @Nullable String requiresControlPlane(Binder binder, List<String> applicationPackages) {
		ClassLoader classLoader = getClass().getClassLoader();
		if (!ClassUtils.isPresent(ACTOR_ANNOTATION, classLoader)
				|| !binder.bind("dapr.actors.enabled", Boolean.class).orElse(true)) {
			return null;
		}
		Set<String> actors = DaprControlPlaneRequirement.classesIn(applicationPackages,
				new AnnotationTypeFilter(dev.daprspring.actors.annotation.DaprActor.class));
		return actors.isEmpty() ? null : "the application hosts actors: " + String.join(", ", actors);
	}

}
