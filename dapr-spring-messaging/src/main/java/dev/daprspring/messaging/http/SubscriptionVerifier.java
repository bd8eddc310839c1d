package dev.daprspring.messaging.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.core.metadata.SidecarMetadata;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.endpoint.TopicSubscription;

/**
 * Checks, after the sidecar read {@code /dapr/subscribe}, that it subscribed to every
 * topic it was given. daprd 1.17 answers nothing to the app when it rejects the document
 * (one {@code match} that is not valid CEL makes it drop every programmatic subscription,
 * with one line in its own log), so without this check the application would run with no
 * subscriptions and no error of its own.
 */
public class SubscriptionVerifier {

	private static final Log logger = LogFactory.getLog(SubscriptionVerifier.class);

	private final Supplier<SidecarMetadata> metadata;

	private final Duration patience;

	private final Duration interval;

	private final AtomicBoolean checking = new AtomicBoolean();

	/**
	 * @param metadata reads the sidecar's metadata
	 * @param patience how long the sidecar may take to subscribe after reading the document
	 * @param interval how often to look meanwhile
	 */
	public SubscriptionVerifier(Supplier<SidecarMetadata> metadata, Duration patience, Duration interval) {
		this.metadata = metadata;
		this.patience = patience;
		this.interval = interval;
	}

	/**
	 * Starts checking, on a daemon thread, that these subscriptions took effect, unless a
	 * check is running already: each read must not cost a thread.
	 */
	void subscriptionsRead(List<TopicSubscription> subscriptions) {
		if (subscriptions.isEmpty() || !this.checking.compareAndSet(false, true)) {
			return;
		}
		Thread check = new Thread(() -> {
			try {
				check(subscriptions);
			}
			finally {
				this.checking.set(false);
			}
		}, "dapr-subscription-check");
		check.setDaemon(true);
		check.start();
	}

	/** Returns the topics ({@code pubsub/topic}) the sidecar did not subscribe to in time; logs them if any. */
	Set<String> check(List<TopicSubscription> subscriptions) {
		long deadline = System.nanoTime() + this.patience.toNanos();
		Set<String> missing;
		do {
			try {
				missing = missing(subscriptions, this.metadata.get());
			}
			catch (RuntimeException ex) {
				// No sidecar to ask (a test serving the document by hand, or daprd gone): nothing to report.
				logger.debug("Cannot check the sidecar's subscriptions: " + ex.getMessage());
				return Set.of();
			}
			if (missing.isEmpty()) {
				return missing;
			}
			if (!sleep()) {
				return Set.of();
			}
		}
		while (System.nanoTime() < deadline);
		logger.warn(describe(missing, subscriptions));
		return missing;
	}

	private static Set<String> missing(List<TopicSubscription> subscriptions, SidecarMetadata metadata) {
		Set<String> subscribed = new LinkedHashSet<>();
		metadata.subscriptions().forEach((s) -> subscribed.add(s.pubsubName() + "/" + s.topic()));
		Set<String> missing = new LinkedHashSet<>();
		for (TopicSubscription subscription : subscriptions) {
			String name = subscription.pubsub() + "/" + subscription.topic();
			if (!subscribed.contains(name)) {
				missing.add(name);
			}
		}
		return missing;
	}

	private static String describe(Set<String> missing, List<TopicSubscription> subscriptions) {
		List<String> matches = new ArrayList<>();
		for (TopicSubscription subscription : subscriptions) {
			for (TopicEndpoint rule : subscription.rules()) {
				matches.add("'" + rule.match() + "' (" + rule.describe() + ")");
			}
		}
		return "The Dapr sidecar read this application's subscriptions but did not subscribe to " + missing
				+ ". daprd rejects the whole list when one entry is invalid and says why only in its own log "
				+ "(\"failed to subscribe to topics\")"
				+ (matches.isEmpty() ? ""
						: "; most often a @Topic match that is not valid CEL. Check these rules, which must be CEL "
								+ "such as event.type == \"order.placed\": " + String.join(", ", matches));
	}

	private boolean sleep() {
		try {
			Thread.sleep(this.interval.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
