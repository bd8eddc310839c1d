package dev.daprspring.messaging.idempotency;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.error.DaprEtagMismatchException;
import dev.daprspring.core.error.DaprOutcomeUnknownException;
import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.core.state.SaveOptions;
import dev.daprspring.core.state.StateEntry;
import dev.daprspring.core.state.StateOperations;
import org.springframework.util.Assert;

/**
 * Runs work at most once per CloudEvent, however often the event is delivered: the first
 * delivery claims the event's id in a state store (a first-write insert, so of two
 * concurrent deliveries exactly one wins), later deliveries of the same id find the claim
 * and skip the work. Once the work is done the claim is kept for a time to live, which
 * bounds the store's size; a redelivery later than that is processed again.
 *
 * <pre>
 * &#64;Topic(name = "orders")
 * void placed(CloudEvent&lt;Order&gt; event) {
 *     deduplicator.runOnce(event, () -&gt; shipping.ship(event.data()));
 * }
 * </pre>
 *
 * Each delivery claims with a token of its own, so a claim retried after its answer was
 * lost recognises its own first write and runs the work. A claim the work did not
 * complete never outlives the lease: when the work throws, the claim is removed and the
 * exception rethrown (the redelivery runs the work again); if removing it fails too (the
 * sidecar is down), the next delivery to this instance takes the claim over, and any
 * other finds it gone once the lease expires, as after a process that died mid-work.
 */
public class CloudEventDeduplicator {

	private static final Log logger = LogFactory.getLog(CloudEventDeduplicator.class);

	private static final String RUNNING = "running:";

	private static final String DONE = "done:";

	private static final SaveOptions FIRST_WRITE = SaveOptions.none()
		.withConcurrency(SaveOptions.Concurrency.FIRST_WRITE);

	private final DaprOperations dapr;

	private final String store;

	private final Duration ttl;

	private final Duration lease;

	private final String keyPrefix;

	// Claims of this instance whose work failed and whose removal failed too.
	private final Set<String> abandoned = ConcurrentHashMap.newKeySet();

	/**
	 * A de-duplicator whose unfinished claims last at most five minutes (or the TTL, if shorter).
	 * @param dapr the client
	 * @param store the state store holding the claims; it needs ETag support
	 * @param ttl how long a claim is kept once the work is done, at least one second
	 * @param keyPrefix put before each claim's key, for example {@code processed:}
	 */
	public CloudEventDeduplicator(DaprOperations dapr, String store, Duration ttl, String keyPrefix) {
		this(dapr, store, ttl, (ttl.compareTo(Duration.ofMinutes(5)) < 0) ? ttl : Duration.ofMinutes(5), keyPrefix);
	}

	/**
	 * @param dapr the client
	 * @param store the state store holding the claims; it needs ETag support
	 * @param ttl how long a claim is kept once the work is done, at least one second
	 * @param lease how long a claim lasts while its work runs, at least one second: longer
	 * than the work takes, else a redelivery meanwhile runs it too
	 * @param keyPrefix put before each claim's key, for example {@code processed:}
	 */
	public CloudEventDeduplicator(DaprOperations dapr, String store, Duration ttl, Duration lease, String keyPrefix) {
		Assert.hasText(store, "The state store of a CloudEventDeduplicator must be named, for example 'statestore'");
		Assert.isTrue(ttl.getSeconds() > 0,
				() -> "The TTL of a CloudEventDeduplicator must be at least one second, for example "
						+ "Duration.ofDays(1); got " + ttl);
		Assert.isTrue(lease.getSeconds() > 0,
				() -> "The lease of a CloudEventDeduplicator must be at least one second, for example "
						+ "Duration.ofMinutes(5); got " + lease);
		this.dapr = dapr;
		this.store = store;
		this.ttl = ttl;
		this.lease = lease;
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
		String claim = RUNNING + UUID.randomUUID();
		if (!claim(key, claim, this.lease)) {
			return false;
		}
		try {
			work.run();
		}
		catch (RuntimeException | Error ex) {
			release(key, claim, ex);
			throw ex;
		}
		complete(key, claim);
		return true;
	}

	/** Claims this event's id as processed; {@code true} for the first caller only, until the claim expires. */
	public boolean claim(CloudEvent<?> event) {
		return claim(key(event.source(), event.id()), DONE + UUID.randomUUID(), this.ttl);
	}

	/** The state key of an event's claim: the prefix, the source (if any), a slash and the id. */
	public String key(@Nullable String source, String id) {
		Assert.hasText(id, "A CloudEvent id is needed to de-duplicate deliveries; the event has none");
		return this.keyPrefix + ((source != null && !source.isEmpty()) ? source + "/" : "") + id;
	}

	private boolean claim(String key, String claim, Duration duration) {
		try {
			// First-write with no ETag is an insert: it fails when the key exists.
			state().save(key, claim, FIRST_WRITE.withTtl(duration));
			return true;
		}
		catch (DaprEtagMismatchException | DaprOutcomeUnknownException ex) {
			StateEntry<String> existing = state().getEntry(key, String.class);
			if (claim.equals(existing.value())) {
				// A retry of this save after its first attempt had written: the claim is ours.
				return true;
			}
			if (existing.value() == null && ex instanceof DaprOutcomeUnknownException unknown) {
				// Nothing was written after all: the delivery fails and is redelivered.
				throw unknown;
			}
			return existing.value() != null && this.abandoned.remove(existing.value())
					&& takeOver(key, existing, claim, duration);
		}
	}

	private boolean takeOver(String key, StateEntry<String> abandonedClaim, String claim, Duration duration) {
		try {
			state().save(key, claim, FIRST_WRITE.withEtag(abandonedClaim.etag()).withTtl(duration));
			return true;
		}
		catch (DaprEtagMismatchException ex) {
			return false;
		}
	}

	private void complete(String key, String claim) {
		try {
			state().save(key, DONE + claim.substring(RUNNING.length()), SaveOptions.ttl(this.ttl));
		}
		catch (RuntimeException ex) {
			// The work is done; only a redelivery after the lease could run it again.
			logger.warn("Could not mark " + key + " as processed (" + ex.getMessage() + "); a redelivery after "
					+ this.lease + " may run its work again");
		}
	}

	private void release(String key, String claim, Throwable failure) {
		try {
			state().delete(key);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
			this.abandoned.add(claim);
		}
	}

	private StateOperations state() {
		return this.dapr.state(this.store);
	}

}
