package dev.daprspring.core.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dapr.v1.CommonProtos;
import io.dapr.v1.CommonProtos.Etag;
import io.dapr.v1.CommonProtos.StateItem;
import io.dapr.v1.DaprMetadataProtos.GetMetadataRequest;
import io.dapr.v1.DaprStateProtos.BulkStateItem;
import io.dapr.v1.DaprStateProtos.DeleteStateRequest;
import io.dapr.v1.DaprStateProtos.ExecuteStateTransactionRequest;
import io.dapr.v1.DaprStateProtos.GetBulkStateRequest;
import io.dapr.v1.DaprStateProtos.GetBulkStateResponse;
import io.dapr.v1.DaprStateProtos.GetStateRequest;
import io.dapr.v1.DaprStateProtos.GetStateResponse;
import io.dapr.v1.DaprStateProtos.QueryStateItem;
import io.dapr.v1.DaprStateProtos.QueryStateRequest;
import io.dapr.v1.DaprStateProtos.QueryStateResponse;
import io.dapr.v1.DaprStateProtos.SaveStateRequest;
import io.dapr.v1.DaprStateProtos.TransactionalStateOperation;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprBuildingBlock;
import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprValueConverter;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;

/**
 * {@link StateOperations} over the sidecar's gRPC state API.
 */
public final class DaprStateOperations implements StateOperations {

	private static final String BLOCK = DaprBuildingBlock.STATE.id();

	private static final String CONTENT_TYPE = "contentType";

	private static final String JSON = "application/json";

	private final DaprTransport transport;

	private final DaprValueConverter converter;

	private final String store;

	// Read from the sidecar's metadata on the first JSON write.
	private volatile @Nullable Boolean queryCapable;

	public DaprStateOperations(DaprTransport transport, DaprValueConverter converter, String store) {
		Assert.hasText(store, "State store name must not be empty; set dapr.state.default-store or name one");
		this.transport = transport;
		this.converter = converter;
		this.store = store;
	}

	@Override
	public String storeName() {
		return this.store;
	}

	@Override
	public <T> Optional<T> get(String key, Class<T> type) {
		return Optional.ofNullable(getEntry(key, type).value());
	}

	@Override
	public <T> StateEntry<T> getEntry(String key, Class<T> type) {
		GetStateResponse response = fetch(key);
		return entry(key, this.converter.read(response.getData(), type), response.getEtag(),
				response.getMetadataMap());
	}

	@Override
	public <T> StateEntry<T> getEntry(String key, ParameterizedTypeReference<T> type) {
		GetStateResponse response = fetch(key);
		return entry(key, this.converter.read(response.getData(), type), response.getEtag(),
				response.getMetadataMap());
	}

	private GetStateResponse fetch(String key) {
		checkKey(key);
		GetStateRequest request = GetStateRequest.newBuilder().setStoreName(this.store).setKey(key).build();
		return this.transport.call(DaprCall.read(BLOCK, "get", this.store), (dapr) -> dapr.getState(request));
	}

	@Override
	public <T> List<StateEntry<T>> getAll(Collection<String> keys, Class<T> type) {
		return getAll(keys, type, 0);
	}

	@Override
	public <T> List<StateEntry<T>> getAll(Collection<String> keys, Class<T> type, int parallelism) {
		if (keys.isEmpty()) {
			return List.of();
		}
		keys.forEach(this::checkKey);
		GetBulkStateRequest request = GetBulkStateRequest.newBuilder()
			.setStoreName(this.store)
			.addAllKeys(keys)
			.setParallelism(parallelism)
			.build();
		GetBulkStateResponse response = this.transport.call(DaprCall.read(BLOCK, "getAll", this.store),
				(dapr) -> dapr.getBulkState(request));
		Map<String, BulkStateItem> byKey = new HashMap<>();
		for (BulkStateItem item : response.getItemsList()) {
			if (!item.getError().isEmpty()) {
				throw new dev.daprspring.core.convert.DaprConversionException(
						"Reading key '" + item.getKey() + "' from state store '" + this.store + "' failed: "
								+ item.getError(),
						new IllegalStateException(item.getError()));
			}
			byKey.put(item.getKey(), item);
		}
		List<StateEntry<T>> entries = new ArrayList<>(keys.size());
		for (String key : keys) {
			BulkStateItem item = byKey.get(key);
			entries.add((item != null)
					? entry(key, this.converter.read(item.getData(), type), item.getEtag(), item.getMetadataMap())
					: new StateEntry<>(key, null, null, Map.of()));
		}
		return entries;
	}

	@Override
	public void save(String key, @Nullable Object value) {
		save(key, value, SaveOptions.none());
	}

	@Override
	public void save(String key, @Nullable Object value, SaveOptions options) {
		SaveStateRequest request = SaveStateRequest.newBuilder()
			.setStoreName(this.store)
			.addStates(item(key, value, options))
			.build();
		this.transport.call(DaprCall.write(BLOCK, "save", this.store, guarded(options)),
				(dapr) -> dapr.saveState(request));
	}

	@Override
	public void saveAll(Map<String, ?> values) {
		if (values.isEmpty()) {
			return;
		}
		SaveStateRequest.Builder request = SaveStateRequest.newBuilder().setStoreName(this.store);
		values.forEach((key, value) -> request.addStates(item(key, value, SaveOptions.none())));
		SaveStateRequest built = request.build();
		this.transport.call(DaprCall.write(BLOCK, "saveAll", this.store), (dapr) -> dapr.saveState(built));
	}

	@Override
	public void delete(String key) {
		delete(key, null);
	}

	@Override
	public void delete(String key, @Nullable String etag) {
		checkKey(key);
		DeleteStateRequest.Builder request = DeleteStateRequest.newBuilder().setStoreName(this.store).setKey(key);
		if (etag != null) {
			request.setEtag(Etag.newBuilder().setValue(etag));
		}
		DeleteStateRequest built = request.build();
		this.transport.call(DaprCall.write(BLOCK, "delete", this.store, etag != null),
				(dapr) -> dapr.deleteState(built));
	}

	@Override
	public void execute(StateTransaction transaction) {
		if (transaction.isEmpty()) {
			return;
		}
		ExecuteStateTransactionRequest.Builder request = ExecuteStateTransactionRequest.newBuilder()
			.setStoreName(this.store);
		for (StateTransaction.Operation operation : transaction.operations()) {
			boolean upsert = operation.type() == StateTransaction.Operation.Type.UPSERT;
			request.addOperations(TransactionalStateOperation.newBuilder()
				.setOperationType(upsert ? "upsert" : "delete")
				.setRequest(item(operation.key(), upsert ? operation.value() : null, operation.options())));
		}
		ExecuteStateTransactionRequest built = request.build();
		boolean guarded = transaction.operations().stream().allMatch((operation) -> guarded(operation.options()));
		this.transport.call(DaprCall.write(BLOCK, "transaction", this.store, guarded),
				(dapr) -> dapr.executeStateTransaction(built));
	}

	// An ETag or first-write write cannot apply twice: a repetition fails with an ETag mismatch instead.
	private static boolean guarded(SaveOptions options) {
		return options.etag() != null || options.concurrency() == SaveOptions.Concurrency.FIRST_WRITE;
	}

	@Override
	public <T> QueryResult<T> query(Object query, Class<T> type) {
		String json = (query instanceof String text) ? text
				: this.converter.write(query).toStringUtf8();
		QueryStateRequest request = QueryStateRequest.newBuilder().setStoreName(this.store).setQuery(json).build();
		QueryStateResponse response = this.transport.call(DaprCall.read(BLOCK, "query", this.store),
				(dapr) -> dapr.queryStateAlpha1(request));
		List<StateEntry<T>> results = new ArrayList<>(response.getResultsCount());
		for (QueryStateItem item : response.getResultsList()) {
			results.add(entry(item.getKey(), this.converter.read(item.getData(), type), item.getEtag(), Map.of()));
		}
		return new QueryResult<>(results, response.getToken().isEmpty() ? null : response.getToken());
	}

	private StateItem item(String key, @Nullable Object value, SaveOptions options) {
		checkKey(key);
		StateItem.Builder item = StateItem.newBuilder().setKey(key);
		if (value != null) {
			item.setValue(this.converter.write(value));
			String contentType = this.converter.contentType(value);
			if (JSON.equals(contentType) && !options.metadata().containsKey(CONTENT_TYPE) && storesDocuments()) {
				// Stores with the query API filter on JSON documents, which daprd only builds
				// when told the bytes are JSON. Elsewhere the bytes go as they are: daprd would
				// re-encode them, sorting keys and passing numbers through a float64.
				item.putMetadata(CONTENT_TYPE, JSON);
			}
		}
		if (options.etag() != null) {
			item.setEtag(Etag.newBuilder().setValue(options.etag()));
		}
		if (options.concurrency() != null || options.consistency() != null) {
			CommonProtos.StateOptions.Builder stateOptions = CommonProtos.StateOptions.newBuilder();
			if (options.concurrency() != null) {
				stateOptions.setConcurrency((options.concurrency() == SaveOptions.Concurrency.FIRST_WRITE)
						? CommonProtos.StateOptions.StateConcurrency.CONCURRENCY_FIRST_WRITE
						: CommonProtos.StateOptions.StateConcurrency.CONCURRENCY_LAST_WRITE);
			}
			if (options.consistency() != null) {
				stateOptions.setConsistency((options.consistency() == SaveOptions.Consistency.STRONG)
						? CommonProtos.StateOptions.StateConsistency.CONSISTENCY_STRONG
						: CommonProtos.StateOptions.StateConsistency.CONSISTENCY_EVENTUAL);
			}
			item.setOptions(stateOptions);
		}
		item.putAllMetadata(options.requestMetadata());
		return item.build();
	}

	private boolean storesDocuments() {
		Boolean known = this.queryCapable;
		if (known == null) {
			known = this.transport
				.call(DaprCall.read("metadata", "get", null),
						(dapr) -> dapr.getMetadata(GetMetadataRequest.getDefaultInstance()))
				.getRegisteredComponentsList()
				.stream()
				.anyMatch((c) -> c.getName().equals(this.store) && c.getCapabilitiesList().contains("QUERY_API"));
			this.queryCapable = known;
		}
		return known;
	}

	private void checkKey(String key) {
		Assert.isTrue(key != null && !key.isEmpty(),
				() -> "State key must not be empty (state store '" + this.store + "'); pass a key such as 'order-1'");
		Assert.isTrue(!key.contains("||"), () -> "State key '" + key + "' must not contain '||', which Dapr uses to "
				+ "separate the app id from the key");
	}

	private static <T> StateEntry<T> entry(String key, @Nullable T value, String etag, Map<String, String> metadata) {
		return new StateEntry<>(key, value, etag.isEmpty() ? null : etag, metadata);
	}

}
