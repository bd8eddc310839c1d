package dev.daprspring.actors.runtime;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import dev.daprspring.actors.annotation.DaprReminder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * A registered actor type: its name, the bean that implements it and its methods by
 * name, decided once when the application starts.
 *
 * @param name the actor type, for example {@code Cart}
 * @param beanName the implementation's bean
 * @param implementation the implementation class
 * @param methods the actor's methods by name
 * @param reminders its {@code @DaprReminder} methods by reminder name
 */
public record ActorType(String name, String beanName, Class<?> implementation, Map<String, Method> methods,
		Map<String, Method> reminders) {

	/** Reads the public methods of the implementation; overloads are refused, since calls name only the method. */
	public static ActorType of(String name, String beanName, Class<?> implementation) {
		Map<String, Method> methods = new TreeMap<>();
		Map<String, Method> reminders = new TreeMap<>();
		for (Method method : implementation.getMethods()) {
			if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())
					|| method.isBridge() || method.isSynthetic()) {
				continue;
			}
			Assert.state(method.getParameterCount() <= 1, () -> "Actor method " + name + "." + method.getName()
					+ " takes " + method.getParameterCount() + " arguments; an actor method takes at most one "
					+ "(wrap several in a record)");
			Method earlier = methods.put(method.getName(), method);
			Assert.state(earlier == null || earlier.equals(method), () -> "Actor type " + name + " ("
					+ implementation.getName() + ") has two methods named " + method.getName()
					+ "; actor calls name only the method, so give each its own name");
			ReflectionUtils.makeAccessible(method);
			DaprReminder reminder = AnnotatedElementUtils.findMergedAnnotation(method, DaprReminder.class);
			if (reminder != null) {
				Method other = reminders.put(reminder.value(), method);
				Assert.state(other == null, () -> "Actor type " + name + " has two @DaprReminder(\"" + reminder.value()
						+ "\") methods: " + other.getName() + " and " + method.getName());
			}
		}
		return new ActorType(name, beanName, implementation, Collections.unmodifiableMap(methods),
				Collections.unmodifiableMap(reminders));
	}

}
