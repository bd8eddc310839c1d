package dev.daprspring.boot.actuate.endpoint;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.binding.BindingEndpointRegistry;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;

/**
 * Reads the handlers from the messaging registries; only loaded when
 * {@code dapr-spring-messaging} is on the classpath.
 */
public final class MessagingHandlers implements Supplier<ApplicationDescriptor> {

	private final @Nullable TopicEndpointRegistry topics;

	private final @Nullable BindingEndpointRegistry bindings;

	public MessagingHandlers(@Nullable TopicEndpointRegistry topics, @Nullable BindingEndpointRegistry bindings) {
		this.topics = topics;
		this.bindings = bindings;
	}

	@Override
	public ApplicationDescriptor get() {
		List<ApplicationDescriptor.TopicHandler> topicHandlers = (this.topics != null) ? this.topics.getEndpoints()
			.stream()
			.map((endpoint) -> new ApplicationDescriptor.TopicHandler(endpoint.pubsub(), endpoint.topic(),
					endpoint.match(), endpoint.priority(), endpoint.deadLetterTopic(), endpoint.metadata(),
					endpoint.bulk() != null, endpoint.describe()))
			.toList() : List.of();
		List<ApplicationDescriptor.BindingListener> listeners = (this.bindings != null) ? this.bindings.getEndpoints()
			.stream()
			.map((endpoint) -> new ApplicationDescriptor.BindingListener(endpoint.name(), endpoint.describe()))
			.toList() : List.of();
		return new ApplicationDescriptor(topicHandlers, listeners, List.of(), null);
	}

}
