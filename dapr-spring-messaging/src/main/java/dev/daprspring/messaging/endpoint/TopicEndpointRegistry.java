package dev.daprspring.messaging.endpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Holds the application's topic endpoints and the subscriptions they make up: one per
 * pub/sub and topic, its rules ordered by priority and then by registration.
 */
public class TopicEndpointRegistry {

	private final Map<Key, List<TopicEndpoint>> endpoints = new LinkedHashMap<>();

	private final List<Consumer<TopicEndpoint>> registrationCallbacks = new ArrayList<>();

	/**
	 * Adds an endpoint.
	 * @throws IllegalStateException if it conflicts with an endpoint of the same topic:
	 * a second default handler, or another dead-letter topic, metadata, raw payload or
	 * bulk setting
	 */
	public synchronized void register(TopicEndpoint endpoint) {
		List<TopicEndpoint> sameTopic = this.endpoints.computeIfAbsent(new Key(endpoint.pubsub(), endpoint.topic()),
				(key) -> new ArrayList<>());
		for (TopicEndpoint other : sameTopic) {
			checkCompatible(other, endpoint);
		}
		sameTopic.add(endpoint);
		this.registrationCallbacks.forEach((callback) -> callback.accept(endpoint));
	}

	/**
	 * Hands every endpoint registered so far, and each one registered later at its
	 * registration, to the callback; the delivery pipeline builds an endpoint's listener
	 * there, once.
	 */
	public synchronized void onRegistration(Consumer<TopicEndpoint> callback) {
		getEndpoints().forEach(callback);
		this.registrationCallbacks.add(callback);
	}

	/** Every registered endpoint, in registration order. */
	public synchronized List<TopicEndpoint> getEndpoints() {
		return this.endpoints.values().stream().flatMap(List::stream).toList();
	}

	/** The subscriptions the application publishes, one per pub/sub and topic. */
	public synchronized List<TopicSubscription> getSubscriptions() {
		List<TopicSubscription> subscriptions = new ArrayList<>();
		this.endpoints.forEach((key, sameTopic) -> subscriptions.add(subscription(key, sameTopic)));
		return List.copyOf(subscriptions);
	}

	private static TopicSubscription subscription(Key key, List<TopicEndpoint> sameTopic) {
		TopicEndpoint first = sameTopic.get(0);
		Map<String, String> metadata = new LinkedHashMap<>();
		sameTopic.forEach((endpoint) -> metadata.putAll(endpoint.metadata()));
		if (first.rawPayload()) {
			metadata.put("rawPayload", "true");
		}
		// A stable sort: equal priorities keep the order the handlers were registered in.
		List<TopicEndpoint> rules = sameTopic.stream()
			.filter((endpoint) -> endpoint.match() != null)
			.sorted(Comparator.comparingInt(TopicEndpoint::priority))
			.toList();
		TopicEndpoint defaultEndpoint = sameTopic.stream()
			.filter((endpoint) -> endpoint.match() == null)
			.findFirst()
			.orElse(null);
		return new TopicSubscription(key.pubsub(), key.topic(), deadLetterTopic(sameTopic), metadata, rules,
				defaultEndpoint, first.bulk());
	}

	private static @Nullable String deadLetterTopic(List<TopicEndpoint> sameTopic) {
		return sameTopic.stream().map(TopicEndpoint::deadLetterTopic).filter(Objects::nonNull).findFirst().orElse(null);
	}

	private static void checkCompatible(TopicEndpoint existing, TopicEndpoint added) {
		String topic = "topic '" + added.topic() + "' of pub/sub '" + added.pubsub() + "'";
		if (existing.match() == null && added.match() == null) {
			throw new IllegalStateException("Both " + existing.describe() + " and " + added.describe()
					+ " handle every event of " + topic + "; give all but one of them a match rule, "
					+ "for example @Topic(match = \"event.type == 'order.placed'\")");
		}
		if (existing.deadLetterTopic() != null && added.deadLetterTopic() != null
				&& !existing.deadLetterTopic().equals(added.deadLetterTopic())) {
			throw conflict(topic, "dead-letter topics '" + existing.deadLetterTopic() + "' and '"
					+ added.deadLetterTopic() + "'", existing, added);
		}
		if (!existing.metadata().isEmpty() && !added.metadata().isEmpty()
				&& !existing.metadata().equals(added.metadata())) {
			throw conflict(topic, "metadata " + existing.metadata() + " and " + added.metadata(), existing, added);
		}
		if (existing.rawPayload() != added.rawPayload()) {
			throw conflict(topic, "rawPayload settings", existing, added);
		}
		if (!Objects.equals(existing.bulk(), added.bulk())) {
			throw conflict(topic, "bulk settings (" + existing.bulk() + " and " + added.bulk() + ")", existing,
					added);
		}
	}

	private static IllegalStateException conflict(String topic, String what, TopicEndpoint existing,
			TopicEndpoint added) {
		return new IllegalStateException(existing.describe() + " and " + added.describe() + " share one subscription "
				+ "to " + topic + " but set different " + what + "; the sidecar keeps one setting per "
				+ "subscription, so set it on one handler or make them equal");
	}

	private record Key(String pubsub, String topic) {
	}

}
