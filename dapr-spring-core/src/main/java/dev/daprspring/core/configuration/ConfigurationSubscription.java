package dev.daprspring.core.configuration;

import java.util.List;

/**
 * A live subscription to changes of a configuration store, from
 * {@link ConfigurationOperations#subscribe}. Close it to stop the changes.
 */
public interface ConfigurationSubscription extends AutoCloseable {

	/** The id the sidecar gave the subscription. */
	String id();

	/** The configuration store subscribed to. */
	String storeName();

	/** The keys subscribed to; empty for all keys. */
	List<String> keys();

	/** Whether the sidecar's stream is still open: false after {@link #unsubscribe()} or when the stream broke. */
	boolean isActive();

	/**
	 * Ends the subscription at the sidecar; no change is delivered once it returns.
	 * Calling it again does nothing.
	 * @throws dev.daprspring.core.error.DaprSidecarUnavailableException if the sidecar
	 * cannot be reached; the stream is closed all the same
	 */
	void unsubscribe();

	/** Same as {@link #unsubscribe()}. */
	@Override
	default void close() {
		unsubscribe();
	}

}
