package dev.daprspring.boot.autoconfigure.configuration;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.configuration.ConfigurationSubscription;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.StringUtils;

/**
 * Subscribes to the configuration stores of {@code dapr.configuration.subscriptions} when
 * the application starts, publishes each change as a {@link DaprConfigurationChangedEvent},
 * and unsubscribes when it stops.
 */
public class DaprConfigurationSubscriptions implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(DaprConfigurationSubscriptions.class);

	private final DaprOperations dapr;

	private final List<DaprConfigurationProperties.Subscription> declared;

	private final ApplicationEventPublisher publisher;

	private final List<ConfigurationSubscription> active = new ArrayList<>();

	private volatile boolean running;

	public DaprConfigurationSubscriptions(DaprOperations dapr, List<DaprConfigurationProperties.Subscription> declared,
			ApplicationEventPublisher publisher) {
		for (int i = 0; i < declared.size(); i++) {
			if (!StringUtils.hasText(declared.get(i).getStore())) {
				throw new IllegalStateException("dapr.configuration.subscriptions[" + i + "].store must name a "
						+ "configuration store component, for example dapr.configuration.subscriptions[" + i
						+ "].store=configstore");
			}
		}
		this.dapr = dapr;
		this.declared = List.copyOf(declared);
		this.publisher = publisher;
	}

	@Override
	public synchronized void start() {
		try {
			for (DaprConfigurationProperties.Subscription subscription : this.declared) {
				String store = subscription.getStore();
				this.active.add(this.dapr.configuration(store)
					.subscribe(subscription.getKeys(), (items) -> this.publisher
						.publishEvent(new DaprConfigurationChangedEvent(this, store, items))));
			}
		}
		catch (RuntimeException ex) {
			// Leave no stream open behind a failed start.
			unsubscribeAll();
			throw ex;
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		unsubscribeAll();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** The subscriptions while running, in the order declared. */
	public synchronized List<ConfigurationSubscription> getSubscriptions() {
		return List.copyOf(this.active);
	}

	private void unsubscribeAll() {
		for (ConfigurationSubscription subscription : this.active) {
			try {
				subscription.unsubscribe();
			}
			catch (RuntimeException ex) {
				// Stopping goes on: closing the stream already ends the subscription at the sidecar.
				logger.warn("Could not unsubscribe " + subscription + ": " + ex.getMessage());
			}
		}
		this.active.clear();
	}

}
