package dev.daprspring.messaging.binding;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Finds {@link BindingListener @BindingListener} methods on every bean and registers them
 * as {@link BindingEndpoint}s.
 */
public class BindingListenerAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private static final Log logger = LogFactory.getLog(BindingListenerAnnotationBeanPostProcessor.class);

	private final Supplier<BindingEndpointRegistry> registry;

	// Classes already known to have no @BindingListener method, so they are not introspected again.
	private final Set<Class<?>> withoutListeners = Collections.newSetFromMap(new ConcurrentHashMap<>());

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	/**
	 * @param registry where endpoints are registered, looked up on first use
	 */
	public BindingListenerAnnotationBeanPostProcessor(Supplier<BindingEndpointRegistry> registry) {
		this.registry = registry;
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
		Map<Method, BindingListener> listeners = BindingNames.methods(type);
		if (listeners.isEmpty()) {
			this.withoutListeners.add(type);
			return bean;
		}
		listeners.forEach((method, listener) -> {
			String name = (this.beanFactory != null) ? BindingNames.resolve(this.beanFactory, listener.value())
					: listener.value();
			BindingEndpoint endpoint = new BindingEndpoint(name, bean,
					AopUtils.selectInvocableMethod(method, bean.getClass()));
			this.registry.get().register(endpoint);
			if (logger.isDebugEnabled()) {
				logger.debug("Registered " + endpoint);
			}
		});
		return bean;
	}

}
