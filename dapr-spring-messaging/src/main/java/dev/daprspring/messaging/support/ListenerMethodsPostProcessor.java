package dev.daprspring.messaging.support;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

/**
 * Finds the methods of every bean that carry a listener annotation and hands each to
 * {@link #register}, with the annotation's name placeholders resolved.
 *
 * @param <A> the listener annotation
 */
public abstract class ListenerMethodsPostProcessor<A extends Annotation> implements BeanPostProcessor, BeanFactoryAware {

	private final Class<A> annotation;

	// Classes already known to have no annotated method, so they are not introspected again.
	private final Set<Class<?>> withoutListeners = Collections.newSetFromMap(new ConcurrentHashMap<>());

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	protected ListenerMethodsPostProcessor(Class<A> annotation) {
		this.annotation = annotation;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		if (beanFactory instanceof ConfigurableListableBeanFactory configurable) {
			this.beanFactory = configurable;
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> type = AopUtils.getTargetClass(bean);
		if (this.withoutListeners.contains(type)) {
			return bean;
		}
		Map<Method, A> listeners = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<A>) (method) -> AnnotatedElementUtils.findMergedAnnotation(method,
						this.annotation));
		if (listeners.isEmpty()) {
			this.withoutListeners.add(type);
			return bean;
		}
		listeners.forEach((method, listener) -> register(bean,
				AopUtils.selectInvocableMethod(method, bean.getClass()), listener));
		return bean;
	}

	/** Registers one annotated method of the bean. */
	protected abstract void register(Object bean, Method method, A listener);

	/** The name with placeholders resolved and stripped. */
	protected String resolve(String value) {
		if (this.beanFactory == null || !StringUtils.hasLength(value)) {
			return value;
		}
		String resolved = this.beanFactory.resolveEmbeddedValue(value);
		return (resolved != null) ? resolved.strip() : "";
	}

}
