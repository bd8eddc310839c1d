package dev.daprspring.actors.runtime;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.actors.ActorContext;
import dev.daprspring.actors.ActorSchedules;
import dev.daprspring.actors.state.ActorStateManager;
import dev.daprspring.actors.state.TurnStateManager;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprValueConverter;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.core.MethodParameter;

/**
 * The active actors of this application instance: one instance per actor type and id,
 * created on its first call (constructor injection of application beans and of its
 * {@link ActorContext}, then the bean factory's initialisation callbacks) and destroyed
 * when the sidecar deactivates it.
 */
public final class ActorActivations {

	private static final Log logger = LogFactory.getLog(ActorActivations.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final DaprTransport transport;

	private final DaprValueConverter converter;

	private final Map<String, Activation> active = new ConcurrentHashMap<>();

	public ActorActivations(ConfigurableListableBeanFactory beanFactory, DaprTransport transport,
			DaprValueConverter converter) {
		this.beanFactory = beanFactory;
		this.transport = transport;
		this.converter = converter;
	}

	/** The activation of this actor, created if it is not active. */
	public Activation activate(ActorType type, String actorId) {
		return this.active.computeIfAbsent(key(type.name(), actorId), (key) -> create(type, actorId));
	}

	/** Destroys the activation, if any; its state stays in the state store. */
	public boolean deactivate(String type, String actorId) {
		Activation activation = this.active.remove(key(type, actorId));
		if (activation == null) {
			return false;
		}
		activation.schedules().endTimers();
		this.beanFactory.destroyBean(activation.instance());
		logger.debug("Deactivated actor " + type + "/" + actorId);
		return true;
	}

	/** How many actors are active here. */
	public int count() {
		return this.active.size();
	}

	private Activation create(ActorType type, String actorId) {
		TurnStateManager state = new TurnStateManager(type.name(), actorId, this.transport, this.converter);
		SidecarSchedules schedules = new SidecarSchedules(type.name(), actorId, this.transport, this.converter);
		Context context = new Context(type.name(), actorId, state, schedules);
		Constructor<?> constructor = BeanUtils.getResolvableConstructor(type.implementation());
		Object[] arguments = new Object[constructor.getParameterCount()];
		for (int i = 0; i < arguments.length; i++) {
			MethodParameter parameter = MethodParameter.forExecutable(constructor, i);
			Class<?> parameterType = parameter.getParameterType();
			if (parameterType == ActorContext.class) {
				arguments[i] = context;
			}
			else if (parameterType == ActorStateManager.class) {
				arguments[i] = state;
			}
			else {
				arguments[i] = this.beanFactory.resolveDependency(new DependencyDescriptor(parameter, true),
						type.beanName());
			}
		}
		Object instance = BeanUtils.instantiateClass(constructor, arguments);
		AutowireCapableBeanFactory factory = this.beanFactory;
		factory.autowireBean(instance);
		instance = factory.initializeBean(instance, type.beanName());
		logger.debug("Activated actor " + type.name() + "/" + actorId);
		return new Activation(type, instance, state, schedules);
	}

	private static String key(String type, String actorId) {
		return type + "||" + actorId;
	}

	/**
	 * An active actor.
	 *
	 * @param type its type
	 * @param instance the implementation instance
	 * @param state its state manager
	 * @param schedules its timers and reminders
	 */
	public record Activation(ActorType type, Object instance, TurnStateManager state, SidecarSchedules schedules) {
	}

	private record Context(String actorType, String actorId, ActorStateManager state,
			ActorSchedules schedules) implements ActorContext {
	}

}
