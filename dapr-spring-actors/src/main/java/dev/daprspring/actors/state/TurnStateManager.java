package dev.daprspring.actors.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.dapr.v1.DaprActorsProtos.ExecuteActorStateTransactionRequest;
import io.dapr.v1.DaprActorsProtos.GetActorStateRequest;
import io.dapr.v1.DaprActorsProtos.TransactionalActorStateOperation;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprValueConverter;

/**
 * The {@link ActorStateManager} of one activation: values cached as the JSON the sidecar
 * holds, changes kept per turn until {@link #commit()} writes them in one
 * {@code ExecuteActorStateTransaction} or {@link #discard()} drops them.
 */
public final class TurnStateManager implements ActorStateManager {

	// An absent key is cached as empty bytes, which the sidecar also answers for it.
	private static final ByteString ABSENT = ByteString.EMPTY;

	private final String actorType;

	private final String actorId;

	private final DaprTransport transport;

	private final DaprValueConverter converter;

	private final Map<String, ByteString> cache = new ConcurrentHashMap<>();

	private final Map<String, ByteString> changes = new LinkedHashMap<>();

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
		this.changes.put(key, this.converter.write(value));
	}

	@Override
	public synchronized void remove(String key) {
		this.changes.put(key, ABSENT);
	}

	/**
	 * Writes this turn's changes in one transaction; the cache then holds them. When the
	 * write fails they are dropped as well, so that the next turn does not save them.
	 */
	public synchronized void commit() {
		if (this.changes.isEmpty()) {
			return;
		}
		ExecuteActorStateTransactionRequest.Builder request = ExecuteActorStateTransactionRequest.newBuilder()
			.setActorType(this.actorType)
			.setActorId(this.actorId);
		this.changes.forEach((key, value) -> {
			TransactionalActorStateOperation.Builder operation = TransactionalActorStateOperation.newBuilder()
				.setKey(key);
			if (value.isEmpty()) {
				operation.setOperationType("delete");
			}
			else {
				operation.setOperationType("upsert").setValue(Any.newBuilder().setValue(value));
			}
			request.addOperations(operation);
		});
		try {
			this.transport.call(DaprCall.write("actors", "state.transaction", this.actorType),
					(dapr) -> dapr.executeActorStateTransaction(request.build()));
			this.cache.putAll(this.changes);
		}
		finally {
			this.changes.clear();
		}
	}

	/** Drops this turn's changes: the next turn sees the state as it was. */
	public synchronized void discard() {
		this.changes.clear();
	}

	private synchronized ByteString current(String key) {
		ByteString changed = this.changes.get(key);
		if (changed != null) {
			return changed;
		}
		return this.cache.computeIfAbsent(key, this::read);
	}

	private ByteString read(String key) {
		GetActorStateRequest request = GetActorStateRequest.newBuilder()
			.setActorType(this.actorType)
			.setActorId(this.actorId)
			.setKey(key)
			.build();
		return this.transport.call(DaprCall.read("actors", "state.get", this.actorType),
				(dapr) -> dapr.getActorState(request))
			.getData();
	}

}
