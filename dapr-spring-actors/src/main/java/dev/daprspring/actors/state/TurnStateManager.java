package dev.daprspring.actors.state;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.dapr.v1.DaprActorsProtos.ExecuteActorStateTransactionRequest;
import io.dapr.v1.DaprActorsProtos.GetActorStateRequest;
import io.dapr.v1.DaprActorsProtos.GetActorStateResponse;
import io.dapr.v1.DaprActorsProtos.TransactionalActorStateOperation;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprValueConverter;
import org.springframework.util.Assert;

/**
 * The {@link ActorStateManager} of one activation: values cached as the JSON the sidecar
 * holds, changes kept per turn until {@link #commit()} writes them in one
 * {@code ExecuteActorStateTransaction} or {@link #discard()} drops them.
 * <p>
 * Only this activation writes its actor's state, so what it wrote stays cached for the
 * activation, until its TTL for a value written with one. A value read from the store is
 * cached until the expiry the store reports for it; a store that reports none (Redis) may
 * still expire it, so such a value is cached for the turn only.
 */
public final class TurnStateManager implements ActorStateManager {

	// An absent key is cached as empty bytes, which the sidecar also answers for it.
	private static final ByteString ABSENT = ByteString.EMPTY;

	private final String actorType;

	private final String actorId;

	private final DaprTransport transport;

	private final DaprValueConverter converter;

	private final Map<String, Cached> cache = new HashMap<>();

	private final Map<String, Change> changes = new LinkedHashMap<>();

	// Turns under way: more than one only while a reentrant call runs inside the turn it re-enters.
	private int depth;

	public TurnStateManager(String actorType, String actorId, DaprTransport transport, DaprValueConverter converter) {
		this.actorType = actorType;
		this.actorId = actorId;
		this.transport = transport;
		this.converter = converter;
	}

	@Override
	public <T> Optional<T> get(String key, Class<T> type) {
		ByteString value = current(key);
		return value.isEmpty() ? Optional.empty() : Optional.ofNullable(this.converter.read(value, type));
	}

	@Override
	public boolean contains(String key) {
		return !current(key).isEmpty();
	}

	@Override
	public synchronized void set(String key, Object value) {
		this.changes.put(key, new Change(this.converter.write(value), null));
	}

	@Override
	public synchronized void set(String key, Object value, Duration ttl) {
		Assert.isTrue(ttl.getSeconds() >= 1, () -> "The TTL of actor state " + key + " is " + ttl
				+ "; the state store keeps time in whole seconds, so it must be at least 1s");
		this.changes.put(key, new Change(this.converter.write(value), ttl));
	}

	@Override
	public synchronized void remove(String key) {
		this.changes.put(key, new Change(ABSENT, null));
	}

	/** Starts a turn; a reentrant call's turn is part of the turn it re-enters. */
	public synchronized void begin() {
		this.depth++;
	}

	/**
	 * Ends a turn: the outermost writes the changes in one transaction, and the cache then
	 * holds them; a reentrant call leaves them to it.
	 */
	public synchronized void commit() {
		if (--this.depth > 0) {
			return;
		}
		this.depth = 0;
		try {
			if (!this.changes.isEmpty()) {
				this.transport.call(DaprCall.write("actors", "state.transaction", this.actorType),
						(dapr) -> dapr.executeActorStateTransaction(transaction()));
				Instant now = Instant.now();
				this.changes.forEach((key, change) -> this.cache.put(key, new Cached(change.value(),
						(change.ttl() != null) ? now.plus(change.ttl()) : Instant.MAX, false)));
			}
		}
		finally {
			// Saved or not, the changes end with the turn: a failed save is not retried by the next one.
			endTurn();
		}
	}

	/**
	 * Ends a turn dropping its changes: the next turn sees the state as it was. A reentrant
	 * call that throws leaves the changes to the turn it re-entered, which learns of it.
	 */
	public synchronized void discard() {
		if (--this.depth > 0) {
			return;
		}
		this.depth = 0;
		endTurn();
	}

	private void endTurn() {
		this.changes.clear();
		this.cache.values().removeIf(Cached::turnOnly);
	}

	private ExecuteActorStateTransactionRequest transaction() {
		ExecuteActorStateTransactionRequest.Builder request = ExecuteActorStateTransactionRequest.newBuilder()
			.setActorType(this.actorType)
			.setActorId(this.actorId);
		this.changes.forEach((key, change) -> {
			TransactionalActorStateOperation.Builder operation = TransactionalActorStateOperation.newBuilder()
				.setKey(key);
			if (change.value().isEmpty()) {
				operation.setOperationType("delete");
			}
			else {
				operation.setOperationType("upsert").setValue(Any.newBuilder().setValue(change.value()));
				if (change.ttl() != null) {
					operation.putMetadata("ttlInSeconds", String.valueOf(change.ttl().getSeconds()));
				}
			}
			request.addOperations(operation);
		});
		return request.build();
	}

	private synchronized ByteString current(String key) {
		Change changed = this.changes.get(key);
		if (changed != null) {
			return changed.value();
		}
		Cached cached = this.cache.get(key);
		if (cached != null && Instant.now().isBefore(cached.until())) {
			return cached.value();
		}
		GetActorStateResponse response = read(key);
		Instant expiry = expiry(response);
		this.cache.put(key, new Cached(response.getData(), (expiry != null) ? expiry : Instant.MAX, expiry == null
				&& !response.getData().isEmpty()));
		return response.getData();
	}

	// In-memory and SQL stores report when a value expires; Redis reports nothing.
	private static @Nullable Instant expiry(GetActorStateResponse response) {
		String expiry = response.getMetadataMap().get("ttlExpireTime");
		if (expiry == null) {
			return null;
		}
		try {
			return Instant.parse(expiry);
		}
		catch (DateTimeParseException ex) {
			return Instant.EPOCH;
		}
	}

	private GetActorStateResponse read(String key) {
		GetActorStateRequest request = GetActorStateRequest.newBuilder()
			.setActorType(this.actorType)
			.setActorId(this.actorId)
			.setKey(key)
			.build();
		return this.transport.call(DaprCall.read("actors", "state.get", this.actorType),
				(dapr) -> dapr.getActorState(request));
	}

	private record Change(ByteString value, @Nullable Duration ttl) {
	}

	private record Cached(ByteString value, Instant until, boolean turnOnly) {
	}

}
