package dev.daprspring.messaging.job;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import dev.daprspring.messaging.support.ListenerMethodsPostProcessor;

/**
 * Finds {@link DaprJobListener @DaprJobListener} methods on every bean and registers them as
 * {@link JobEndpoint}s.
 */
public class JobListenerAnnotationBeanPostProcessor extends ListenerMethodsPostProcessor<DaprJobListener> {

	private final Supplier<JobEndpointRegistry> registry;

	/**
	 * @param registry where endpoints are registered, looked up on first use
	 */
	public JobListenerAnnotationBeanPostProcessor(Supplier<JobEndpointRegistry> registry) {
		super(DaprJobListener.class);
		this.registry = registry;
	}

	@Override
	protected void register(Object bean, Method method, DaprJobListener listener) {
		this.registry.get().register(new JobEndpoint(resolve(listener.value()), bean, method));
	}

}
