package dev.daprspring.messaging.binding;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.messaging.support.ListenerMethodsPostProcessor;

/**
 * Finds {@link BindingListener @BindingListener} methods on every bean and registers them
 * as {@link BindingEndpoint}s.
 */
public class BindingListenerAnnotationBeanPostProcessor extends ListenerMethodsPostProcessor<BindingListener> {

	private static final Log logger = LogFactory.getLog(BindingListenerAnnotationBeanPostProcessor.class);

	private final Supplier<BindingEndpointRegistry> registry;

	/**
	 * @param registry where endpoints are registered, looked up on first use
	 */
	public BindingListenerAnnotationBeanPostProcessor(Supplier<BindingEndpointRegistry> registry) {
		super(BindingListener.class);
		this.registry = registry;
	}

	@Override
	protected void register(Object bean, Method method, BindingListener listener) {
		BindingEndpoint endpoint = new BindingEndpoint(resolve(listener.value()), bean, method);
		this.registry.get().register(endpoint);
		if (logger.isDebugEnabled()) {
			logger.debug("Registered " + endpoint);
		}
	}

}
