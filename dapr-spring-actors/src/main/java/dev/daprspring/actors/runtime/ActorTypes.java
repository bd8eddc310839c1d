package dev.daprspring.actors.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.daprspring.actors.annotation.DaprActor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;

/**
 * The actor types this application hosts: every bean whose class carries
 * {@link DaprActor}.
 */
public final class ActorTypes {

	private final Map<String, ActorType> types;

	public ActorTypes(Collection<ActorType> types) {
		Map<String, ActorType> byName = new TreeMap<>();
		for (ActorType type : types) {
			ActorType earlier = byName.put(type.name(), type);
			Assert.state(earlier == null, () -> "Actor type " + type.name() + " is implemented twice: by "
					+ earlier.implementation().getName() + " and " + type.implementation().getName());
		}
		this.types = byName;
	}

	/** The types of the {@code @DaprActor} beans defined in this bean factory. */
	public static ActorTypes from(ConfigurableListableBeanFactory beanFactory) {
		List<ActorType> types = new ArrayList<>();
		for (String beanName : beanFactory.getBeanNamesForAnnotation(DaprActor.class)) {
			Class<?> implementation = beanFactory.getType(beanName, false);
			if (implementation == null) {
				continue;
			}
			DaprActor actor = AnnotatedElementUtils.findMergedAnnotation(implementation, DaprActor.class);
			if (actor != null && !implementation.isInterface()) {
				types.add(ActorType.of(actor.value(), beanName, implementation));
			}
		}
		return new ActorTypes(types);
	}

	public Optional<ActorType> find(String name) {
		return Optional.ofNullable(this.types.get(name));
	}

	/** The type implementing this interface, if exactly one does. */
	public @Nullable ActorType implementing(Class<?> contract) {
		ActorType found = null;
		for (ActorType type : this.types.values()) {
			if (contract.isAssignableFrom(type.implementation())) {
				if (found != null) {
					return null;
				}
				found = type;
			}
		}
		return found;
	}

	/** The types, by name. */
	public Collection<ActorType> all() {
		return this.types.values();
	}

	public Collection<String> names() {
		return this.types.keySet();
	}

	public boolean isEmpty() {
		return this.types.isEmpty();
	}

}
