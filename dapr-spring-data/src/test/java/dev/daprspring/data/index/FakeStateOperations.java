package dev.daprspring.data.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.error.DaprErrorDetails;
import dev.daprspring.core.error.DaprEtagMismatchException;
import dev.daprspring.core.state.QueryResult;
import dev.daprspring.core.state.SaveOptions;
import dev.daprspring.core.state.StateEntry;
import dev.daprspring.core.state.StateOperations;
import dev.daprspring.core.state.StateTransaction;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A state store in memory with the ETag rules the index protocol relies on: a write with an
 * ETag fails when the stored one differs (or the key is gone), a first-write without one
 * fails when the key exists. Each save can be observed (and made to fail) before it applies.
 */
final class FakeStateOperations implements StateOperations {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final Map<String, Stored> values = new ConcurrentHashMap<>();

	private final AtomicLong etags = new AtomicLong();

	private final List<String> saved = new ArrayList<>();

	private Consumer<String> beforeSave = (key) -> {
	};

	/** Runs before each save (with the key), so a test can fail it or write meanwhile. */
	void beforeSave(Consumer<String> beforeSave) {
		this.beforeSave = beforeSave;
	}

	/** The keys saved so far, in order. */
	List<String> saved() {
		return this.saved;
	}

	/** Writes the value as another application would: unconditionally. */
	void put(String key, Object value) {
		this.values.put(key, new Stored(this.jsonMapper.writeValueAsString(value), etag()));
	}

	@Override
	public String storeName() {
		return "fake";
	}

	@Override
	public <T> Optional<T> get(String key, Class<T> type) {
		return Optional.ofNullable(getEntry(key, type).value());
	}

	@Override
	public <T> StateEntry<T> getEntry(String key, Class<T> type) {
		Stored stored = this.values.get(key);
		if (stored == null) {
			return new StateEntry<>(key, null, null, Map.of());
		}
		T value = (type == String.class) ? type.cast(stored.json()) : this.jsonMapper.readValue(stored.json(), type);
		return new StateEntry<>(key, value, stored.etag(), Map.of());
	}

	@Override
	public <T> StateEntry<T> getEntry(String key, ParameterizedTypeReference<T> type) {
		throw new UnsupportedOperationException();
	}

	@Override
	public <T> List<StateEntry<T>> getAll(Collection<String> keys, Class<T> type) {
		return keys.stream().map((key) -> getEntry(key, type)).toList();
	}

	@Override
	public <T> List<StateEntry<T>> getAll(Collection<String> keys, Class<T> type, int parallelism) {
		return getAll(keys, type);
	}

	@Override
	public void save(String key, @Nullable Object value) {
		save(key, value, SaveOptions.none());
	}

	@Override
	public synchronized void save(String key, @Nullable Object value, SaveOptions options) {
		this.beforeSave.accept(key);
		Stored stored = this.values.get(key);
		boolean firstWrite = options.concurrency() == SaveOptions.Concurrency.FIRST_WRITE;
		if ((options.etag() != null && (stored == null || !Objects.equals(stored.etag(), options.etag())))
				|| (firstWrite && options.etag() == null && stored != null)) {
			throw new DaprEtagMismatchException("ETag mismatch on " + key,
					new DaprErrorDetails("save", storeName(), "ABORTED", null, Map.of(), null), null);
		}
		this.saved.add(key);
		put(key, value);
	}

	@Override
	public void saveAll(Map<String, ?> values) {
		throw new UnsupportedOperationException();
	}

	@Override
	public void delete(String key) {
		this.values.remove(key);
	}

	@Override
	public void delete(String key, @Nullable String etag) {
		throw new UnsupportedOperationException();
	}

	@Override
	public void execute(StateTransaction transaction) {
		throw new UnsupportedOperationException();
	}

	@Override
	public <T> QueryResult<T> query(Object query, Class<T> type) {
		throw new UnsupportedOperationException();
	}

	private String etag() {
		return Long.toString(this.etags.incrementAndGet());
	}

	private record Stored(String json, String etag) {

	}

}
