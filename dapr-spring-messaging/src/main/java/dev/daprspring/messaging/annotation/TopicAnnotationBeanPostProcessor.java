package dev.daprspring.messaging.annotation;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.endpoint.BulkSubscribe;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

/**
 * Finds {@link Topic @Topic} methods on every bean, resolves the placeholders of their
 * attributes and registers them as {@link TopicEndpoint}s.
 */
public class TopicAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private static final Log logger = LogFactory.getLog(TopicAnnotationBeanPostProcessor.class);

	private final Supplier<TopicEndpointRegistry> registry;

	private final String defaultPubsub;

	// Classes already known to have no @Topic method, so they are not introspected again.
	private final Set<Class<?>> withoutTopics = Collections.newSetFromMap(new ConcurrentHashMap<>());

	private @Nullable ConfigurableBeanFactory beanFactory;

	/**
	 * @param registry where endpoints are registered, looked up on first use
	 * @param defaultPubsub the pub/sub of a {@code @Topic} that names none (may hold
	 * placeholders)
	 */
	public TopicAnnotationBeanPostProcessor(Supplier<TopicEndpointRegistry> registry, String defaultPubsub) {
		this.registry = registry;
		this.defaultPubsub = defaultPubsub;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		if (beanFactory instanceof ConfigurableBeanFactory configurable) {
			this.beanFactory = configurable;
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		Class<?> type = AopUtils.getTargetClass(bean);
		if (this.withoutTopics.contains(type)) {
			return bean;
		}
		Map<Method, Topic> topics = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<Topic>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, Topic.class));
		if (topics.isEmpty()) {
			this.withoutTopics.add(type);
			return bean;
		}
		topics.forEach((method, topic) -> {
			TopicEndpoint endpoint = endpoint(bean, beanName, AopUtils.selectInvocableMethod(method, bean.getClass()),
					topic);
			this.registry.get().register(endpoint);
			if (logger.isDebugEnabled()) {
				logger.debug("Registered " + endpoint);
			}
		});
		return bean;
	}

	private TopicEndpoint endpoint(Object bean, String beanName, Method method, Topic topic) {
		String where = "@Topic on " + method.getDeclaringClass().getSimpleName() + "." + method.getName()
				+ " (bean '" + beanName + "')";
		String pubsub = resolve(topic.pubsub());
		if (pubsub.isEmpty()) {
			pubsub = resolve(this.defaultPubsub);
		}
		return new TopicEndpoint(pubsub, resolve(topic.name()), resolve(topic.match()),
				priority(resolve(topic.priority()), where), resolve(topic.deadLetterTopic()),
				metadata(topic.metadata(), where), rawPayload(resolve(topic.rawPayload()), where), bean, method,
				concurrency(resolve(topic.concurrency()), where), bulk(topic, method, where));
	}

	private @Nullable BulkSubscribe bulk(Topic topic, Method method, String where) {
		String enabled = resolve(topic.bulk());
		if (!enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
			throw new BeanInitializationException(where + " has bulk '" + enabled + "'; use \"true\" or \"false\"");
		}
		if (!Boolean.parseBoolean(enabled)) {
			return null;
		}
		if (method.getParameterCount() != 1 || !List.class.equals(method.getParameterTypes()[0])) {
			throw new BeanInitializationException(where + " has bulk = \"true\" but does not take a single List "
					+ "parameter; declare it as List<T> or List<CloudEvent<T>>");
		}
		return new BulkSubscribe(bulkNumber(resolve(topic.bulkMaxMessages()), "bulkMaxMessages", where),
				bulkNumber(resolve(topic.bulkMaxAwaitMs()), "bulkMaxAwaitMs", where));
	}

	private static int bulkNumber(String value, String attribute, String where) {
		if (value.isEmpty()) {
			return 0;
		}
		try {
			int number = Integer.parseInt(value.trim());
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below, with the value that was wrong.
		}
		throw new BeanInitializationException(where + " has " + attribute + " '" + value
				+ "', which is not a positive whole number, for example " + attribute + " = \"100\"");
	}

	private Map<String, String> metadata(String[] entries, String where) {
		Map<String, String> metadata = new LinkedHashMap<>();
		for (String entry : entries) {
			String resolved = resolve(entry);
			int equals = resolved.indexOf('=');
			if (equals <= 0) {
				throw new BeanInitializationException(where + " has metadata entry '" + resolved
						+ "', which is not of the form key=value, for example ttlInSeconds=60");
			}
			metadata.put(resolved.substring(0, equals).trim(), resolved.substring(equals + 1).trim());
		}
		return metadata;
	}

	private static int priority(String value, String where) {
		if (value.isEmpty()) {
			return 0;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new BeanInitializationException(where + " has priority '" + value
					+ "', which is not a whole number, for example priority = \"1\"");
		}
	}

	private static int concurrency(String value, String where) {
		if (value.isEmpty()) {
			return 0;
		}
		try {
			int concurrency = Integer.parseInt(value.trim());
			if (concurrency > 0) {
				return concurrency;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below, with the value that was wrong.
		}
		throw new BeanInitializationException(where + " has concurrency '" + value
				+ "', which is not a positive whole number, for example concurrency = \"4\"");
	}

	private static boolean rawPayload(String value, String where) {
		if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
			return Boolean.parseBoolean(value);
		}
		throw new BeanInitializationException(where + " has rawPayload '" + value + "'; use \"true\" or \"false\"");
	}

	private String resolve(String value) {
		if (!StringUtils.hasLength(value) || this.beanFactory == null) {
			return value;
		}
		String resolved = this.beanFactory.resolveEmbeddedValue(value);
		return (resolved != null) ? resolved : "";
	}

}
