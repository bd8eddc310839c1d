package dev.daprspring.messaging.binding;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * One {@link BindingListener @BindingListener} method and the binding it handles.
 *
 * @param name the input binding component
 * @param bean the bean that handles the events
 * @param method the handler method
 */
public record BindingEndpoint(String name, Object bean, Method method) {

	public BindingEndpoint {
		Assert.isTrue(BindingNames.isValid(name), () -> "@BindingListener on " + describe(method) + " names binding '"
				+ name + "'; a binding name is a non-empty path segment without '/', for example \"orders-queue\"");
	}

	/** The handler method as {@code Class.method(ParameterTypes)}, for messages. */
	public String describe() {
		return describe(this.method);
	}

	private static String describe(Method method) {
		return ClassUtils.getShortName(method.getDeclaringClass()) + "." + method.getName() + "("
				+ Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
				+ ")";
	}

	@Override
	public String toString() {
		return "BindingEndpoint[" + this.name + " -> " + describe() + "]";
	}

}
