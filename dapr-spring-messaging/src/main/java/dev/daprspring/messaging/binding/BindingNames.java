package dev.daprspring.messaging.binding;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

/**
 * Finds {@link BindingListener @BindingListener} methods: on a class, and, before any
 * bean exists, the binding names of every bean definition, so a web server can map
 * exactly those paths when it starts.
 */
public final class BindingNames {

	private BindingNames() {
	}

	/** The {@code @BindingListener} methods of a class. */
	public static Map<Method, BindingListener> methods(Class<?> type) {
		return MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<BindingListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, BindingListener.class));
	}

	/**
	 * The binding names the beans of a factory listen to, placeholders resolved, read from
	 * the beans' types without creating them.
	 */
	public static Set<String> of(ConfigurableListableBeanFactory beanFactory) {
		Set<String> names = new LinkedHashSet<>();
		for (String beanName : beanFactory.getBeanDefinitionNames()) {
			Class<?> type = beanFactory.getType(beanName, false);
			if (type != null) {
				methods(type).values().forEach((listener) -> names.add(resolve(beanFactory, listener.value())));
			}
		}
		return names;
	}

	static String resolve(ConfigurableListableBeanFactory beanFactory, String value) {
		if (!StringUtils.hasLength(value)) {
			return value;
		}
		String resolved = beanFactory.resolveEmbeddedValue(value);
		return (resolved != null) ? resolved.strip() : "";
	}

	static boolean isValid(String name) {
		return !name.isBlank() && !name.contains("/") && !name.equals(".") && !name.equals("..");
	}

}
