package dev.daprspring.workflows.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

import dev.daprspring.workflows.ActivityContext;
import org.springframework.util.ReflectionUtils;

/**
 * One {@code @DaprActivity} method of a bean.
 *
 * @param name the name workflows call it by
 * @param bean the bean it is called on
 * @param method the method
 * @param inputIndex the position of the input parameter, or -1 when it takes none
 * @param contextIndex the position of the {@link ActivityContext} parameter, or -1
 */
public record ActivityDefinition(String name, Object bean, Method method, int inputIndex, int contextIndex) {

	/** Reads an activity method's parameters: at most one input and an optional context. */
	static ActivityDefinition of(String name, Object bean, Method method) {
		int input = -1;
		int context = -1;
		Class<?>[] parameters = method.getParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			if (parameters[i] == ActivityContext.class) {
				context = i;
			}
			else if (input == -1) {
				input = i;
			}
			else {
				throw new IllegalStateException("Activity '" + name + "' (" + method.toGenericString()
						+ ") takes more than one input: an activity method takes at most one input (a record for "
						+ "several values) and optionally an ActivityContext");
			}
		}
		ReflectionUtils.makeAccessible(method);
		return new ActivityDefinition(name, bean, method, input, context);
	}

	/** The declared input type, or {@code null} when the method takes none. */
	public @Nullable Type inputType() {
		return (this.inputIndex >= 0) ? this.method.getGenericParameterTypes()[this.inputIndex] : null;
	}

	/** Calls the method, rethrowing what it threw. */
	@Nullable Object invoke(@Nullable Object input, ActivityContext context) throws Throwable {
		Object[] arguments = new Object[this.method.getParameterCount()];
		if (this.inputIndex >= 0) {
			arguments[this.inputIndex] = input;
		}
		if (this.contextIndex >= 0) {
			arguments[this.contextIndex] = context;
		}
		try {
			return this.method.invoke(this.bean, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
