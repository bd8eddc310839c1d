package dev.daprspring.messaging.job;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * One {@link DaprJobListener @DaprJobListener} method and the job it handles.
 *
 * @param name the job's name
 * @param bean the bean that handles it
 * @param method the handler method
 */
public record JobEndpoint(String name, Object bean, Method method) {

	public JobEndpoint {
		Assert.isTrue(!name.isBlank() && !name.contains("/"), () -> "@DaprJobListener on " + describe(method)
				+ " names job '" + name + "'; a job name is a non-empty path segment without '/', for example "
				+ "\"nightly-report\"");
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

}
