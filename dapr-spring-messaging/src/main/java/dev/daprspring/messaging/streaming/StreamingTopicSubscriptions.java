package dev.daprspring.messaging.streaming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.messaging.delivery.DeliveryRoutes;
import dev.daprspring.messaging.endpoint.TopicSubscription;
import org.springframework.context.SmartLifecycle;

/**
 * Opens one streaming subscription to the sidecar per subscription of the routes when
 * the application starts, and closes them when it stops. The application needs no app
 * port. Streaming subscriptions cannot route by match rules, so each topic must have a
 * single handler.
 */
public class StreamingTopicSubscriptions implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(StreamingTopicSubscriptions.class);

	private final DaprTransport transport;

	private final DeliveryRoutes routes;

	private Duration initialBackoff = Duration.ofMillis(200);

	private Duration maxBackoff = Duration.ofSeconds(5);

	private Duration confirmTimeout = Duration.ofSeconds(10);

	private final List<TopicEventStream> streams = new ArrayList<>();

	private @Nullable ScheduledExecutorService scheduler;

	public StreamingTopicSubscriptions(DaprTransport transport, DeliveryRoutes routes) {
		this.transport = transport;
		this.routes = routes;
	}

	/** The pause before the first attempt to open an ended stream again; it doubles up to the maximum. */
	public void setInitialBackoff(Duration initialBackoff) {
		this.initialBackoff = initialBackoff;
	}

	/** The longest pause between attempts to open an ended stream again. */
	public void setMaxBackoff(Duration maxBackoff) {
		this.maxBackoff = maxBackoff;
	}

	/** How long starting waits for the sidecar to confirm every subscription before it goes on without. */
	public void setConfirmTimeout(Duration confirmTimeout) {
		this.confirmTimeout = confirmTimeout;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		DeliveryRoutes.Snapshot routes = this.routes.snapshot();
		List<TopicSubscription> subscriptions = routes.subscriptions();
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "dapr-topic-reconnect");
			thread.setDaemon(true);
			return thread;
		});
		List<TopicEventStream> created = new ArrayList<>();
		try {
			for (TopicSubscription subscription : subscriptions) {
				created.add(new TopicEventStream(this.transport, subscription, routes, scheduler,
						this.initialBackoff, this.maxBackoff));
			}
		}
		catch (RuntimeException ex) {
			scheduler.shutdownNow();
			throw ex;
		}
		this.scheduler = scheduler;
		this.streams.addAll(created);
		this.streams.forEach(TopicEventStream::open);
		if (!subscriptions.isEmpty() && awaitConfirmed(created)) {
			logger.info("Opened " + subscriptions.size() + " streaming subscription(s) to the Dapr sidecar");
		}
	}

	// Components that keep no events (pubsub.in-memory) lose what is published before a
	// subscription exists, so the application is not started until the sidecar has them.
	private boolean awaitConfirmed(List<TopicEventStream> created) {
		CompletableFuture<Void> all = CompletableFuture
			.allOf(created.stream().map(TopicEventStream::confirmed).toArray(CompletableFuture[]::new));
		try {
			all.get(this.confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			logger.warn("The Dapr sidecar did not confirm every streaming subscription within " + this.confirmTimeout
					+ "; they keep trying in the background, and events published before they succeed may be missed");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			// The futures only ever complete normally.
		}
		return false;
	}

	@Override
	public synchronized void stop() {
		this.streams.forEach(TopicEventStream::close);
		this.streams.clear();
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
