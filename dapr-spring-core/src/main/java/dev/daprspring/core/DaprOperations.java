package dev.daprspring.core;

import java.time.Duration;

import dev.daprspring.core.binding.BindingOperations;
import dev.daprspring.core.configuration.ConfigurationOperations;
import dev.daprspring.core.conversation.ConversationOperations;
import dev.daprspring.core.crypto.CryptoOperations;
import dev.daprspring.core.job.JobOperations;
import dev.daprspring.core.lock.LockOperations;
import dev.daprspring.core.metadata.SidecarMetadata;
import dev.daprspring.core.pubsub.PubSubOperations;
import dev.daprspring.core.secret.SecretOperations;
import dev.daprspring.core.state.StateOperations;
import org.springframework.web.client.RestClient;

/**
 * Every Dapr building block through one sidecar. Implemented by {@link DaprTemplate}.
 */
public interface DaprOperations {

	/** The state API of the default state store ({@code dapr.state.default-store}). */
	StateOperations state();

	/** The state API of the named state store. */
	StateOperations state(String storeName);

	/** The secrets API of the named secret store. */
	SecretOperations secrets(String storeName);

	/** The configuration API of the named configuration store. */
	ConfigurationOperations configuration(String storeName);

	/** The publish API of the default pub/sub ({@code dapr.pubsub.default-name}). */
	PubSubOperations pubsub();

	/** The publish API of the named pub/sub. */
	PubSubOperations pubsub(String pubsubName);

	/** Output bindings: invoke an operation of a binding component. */
	BindingOperations bindings();

	/** Jobs in Dapr's scheduler: schedule, read and delete them. */
	JobOperations jobs();

	/** Encryption and decryption by the sidecar with the keys of the named crypto component. */
	CryptoOperations crypto(String componentName);

	/** Conversation with large language models through a conversation component. */
	ConversationOperations conversation();

	/** Distributed locks: leases on resource ids in a lock store, such as {@code lock.redis}. */
	LockOperations locks();

	/**
	 * A client whose requests go to the app with this Dapr app id through the sidecar; URIs
	 * are the app's own paths.
	 */
	RestClient restClient(String appId);

	/** An implementation of an {@code @HttpExchange} interface that calls the app with this id. */
	<T> T httpExchangeClient(String appId, Class<T> exchangeInterface);

	/** What the sidecar reports about itself: components, subscriptions, app connection. */
	SidecarMetadata metadata();

	/**
	 * Waits until the sidecar answers.
	 * @throws dev.daprspring.core.error.DaprSidecarUnavailableException if it does not
	 * answer within the timeout
	 */
	void waitForSidecar(Duration timeout);

	/** Asks the sidecar to shut down. */
	void shutdownSidecar();

}
