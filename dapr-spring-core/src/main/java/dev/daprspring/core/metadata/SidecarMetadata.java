package dev.daprspring.core.metadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the sidecar reports about itself ({@code GetMetadata}).
 *
 * @param appId the app id
 * @param runtimeVersion daprd's version, for example {@code 1.17.5}
 * @param components the loaded components
 * @param subscriptions the pub/sub subscriptions, declarative, programmatic and streaming
 * @param appConnection how the sidecar reaches the app, or {@code null} without an app port
 * @param actorRuntimeStatus {@code RUNNING}, {@code DISABLED} or {@code INITIALIZING}
 * @param enabledFeatures preview features switched on
 * @param extended further attributes
 */
public record SidecarMetadata(String appId, String runtimeVersion, List<Component> components,
		List<Subscription> subscriptions, @Nullable AppConnection appConnection, String actorRuntimeStatus,
		List<String> enabledFeatures, Map<String, String> extended) {

	/** The component of that name, if loaded. */
	public Optional<Component> component(String name) {
		return this.components.stream().filter((component) -> component.name().equals(name)).findFirst();
	}

	/**
	 * A loaded component.
	 *
	 * @param name its name
	 * @param type its type, for example {@code state.redis}
	 * @param version its version, for example {@code v1}
	 * @param capabilities for example {@code ETAG}, {@code TRANSACTIONAL}, {@code QUERY_API}
	 */
	public record Component(String name, String type, String version, List<String> capabilities) {

		public boolean hasCapability(String capability) {
			return this.capabilities.contains(capability);
		}

	}

	/**
	 * A pub/sub subscription.
	 *
	 * @param pubsubName the pub/sub component
	 * @param topic the topic
	 * @param deadLetterTopic the dead-letter topic, or empty
	 * @param type {@code DECLARATIVE}, {@code PROGRAMMATIC} or {@code STREAMING}
	 * @param routes the routing rules as {@code match -> path} (empty match for the default)
	 * @param metadata subscription metadata
	 */
	public record Subscription(String pubsubName, String topic, String deadLetterTopic, String type,
			Map<String, String> routes, Map<String, String> metadata) {

	}

	/**
	 * How the sidecar calls the app.
	 *
	 * @param port the app port
	 * @param protocol http, grpc, …
	 * @param channelAddress the app's address
	 * @param maxConcurrency the concurrency limit, -1 for none
	 */
	public record AppConnection(int port, String protocol, String channelAddress, int maxConcurrency) {

	}

}
