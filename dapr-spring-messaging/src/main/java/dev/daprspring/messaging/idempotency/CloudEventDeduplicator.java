package dev.daprspring.messaging.idempotency;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.error.DaprEtagMismatchException;
import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.core.state.SaveOptions;
import dev.daprspring.core.state.StateOperations;
import org.springframework.util.Assert;

/**
 * Runs work at most once per CloudEvent, however often the event is delivered: the first
 * delivery claims the event's id in a state store (a first-write insert, so of two
 * concurrent deliveries exactly one wins), later deliveries of the same id find the claim
 * and skip the work. The claim expires after a time to live, which bounds the store's size;
 * a redelivery later than that is processed again.
 *
 * <pre>
 * &#64;Topic(name = "orders")
 * void placed(CloudEvent&lt;Order&gt; event) {
 *     deduplicator.runOnce(event, () -&gt; shipping.ship(event.data()));
 * }
 * </pre>
 *
 * When the work throws, the claim is removed and the exception is rethrown, so the handler
 * answers RETRY and the redelivery runs the work again. A process that dies between the
 * claim and the end of the work leaves the claim in place until it expires: the event is
 * then not processed by its redeliveries (use a short {@code ttl} when that matters more
 * than duplicates).
 */
public class CloudEventDeduplicator {

	private static final SaveOptions FIRST_WRITE = SaveOptions.none()
		.withConcurrency(SaveOptions.Concurrency.FIRST_WRITE);

	private final DaprOperations dapr;

	private final String store;

	private final Duration ttl;

	private final String keyPrefix;

	/**
	 * @param dapr the client
	 * @param store the state store holding the claims; it needs ETag support
	 * @param ttl how long a claim is kept, at least one second
	 * @param keyPrefix put before each claim's key, for example {@code processed:}
	 */
	public CloudEventDeduplicator(DaprOperations dapr, String store, Duration ttl, String keyPrefix) {
		Assert.hasText(store, "The state store of a CloudEventDeduplicator must be named, for example 'statestore'");
		Assert.isTrue(ttl.getSeconds() > 0,
				() -> "The TTL of a CloudEventDeduplicator must be at least one second, for example "
						+ "Duration.ofDays(1); got " + ttl);
		this.dapr = dapr;
		this.store = store;
		this.ttl = ttl;
		this.keyPrefix = keyPrefix;
	}

	/** Runs {@code work} unless this event's id was claimed before; returns whether it ran. */
	public boolean runOnce(CloudEvent<?> event, Runnable work) {
		return runOnce(event.source(), event.id(), work);
	}

	/**
	 * Runs {@code work} unless this id was claimed before; returns whether it ran.
	 * @param source the event's source, part of its identity ({@code id} is unique per source), or {@code null}
	 * @param id the event's id
	 * @param work what to do once
	 */
	public boolean runOnce(@Nullable String source, String id, Runnable work) {
		String key = key(source, id);
		if (!claim(key)) {
			return false;
		}
		try {
			work.run();
		}
		catch (RuntimeException | Error ex) {
			release(key, ex);
			throw ex;
		}
		return true;
	}

	/** Claims this event's id; {@code true} for the first caller only, until the claim expires. */
	public boolean claim(CloudEvent<?> event) {
		return claim(key(event.source(), event.id()));
	}

	/** The state key of an event's claim: the prefix, the source (if any), a slash and the id. */
	public String key(@Nullable String source, String id) {
		Assert.hasText(id, "A CloudEvent id is needed to de-duplicate deliveries; the event has none");
		return this.keyPrefix + ((source != null && !source.isEmpty()) ? source + "/" : "") + id;
	}

	private boolean claim(String key) {
		try {
			// First-write with no ETag is an insert: it fails when the key exists.
			state().save(key, "claimed", FIRST_WRITE.withTtl(this.ttl));
			return true;
		}
		catch (DaprEtagMismatchException ex) {
			return false;
		}
	}

	private void release(String key, Throwable failure) {
		try {
			state().delete(key);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	private StateOperations state() {
		return this.dapr.state(this.store);
	}

}
