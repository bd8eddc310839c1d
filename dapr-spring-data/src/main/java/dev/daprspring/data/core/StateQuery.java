package dev.daprspring.data.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.state.StateEntry;
import dev.daprspring.core.state.StateOperations;
import dev.daprspring.data.index.IndexWriter;
import org.springframework.data.domain.Sort;
import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentEntity;
import org.springframework.data.mapping.PersistentProperty;

/**
 * One query through the state query API of a store: a derived query, or the enumeration of a
 * keyspace. The API filters the whole store (every keyspace and index document) and does not
 * filter by app id: it returns another application's rows under our keys (daprd 1.18.2 with
 * state.postgresql v1, tested), and rows whose TTL has passed until the store's cleanup
 * deletes them (tested). So the API only names candidate keys: each page's keys in the keyspace
 * are read again with one bulk get, which reads this application's keys and skips expired
 * ones, and only what that read returns (and the criteria accept) is a result.
 */
final class StateQuery {

	// The keys of one bulk read.
	private static final int BULK = IndexWriter.BULK_CHUNK;

	private final StateOperations state;

	private final JsonMapper jsonMapper;

	private final KeyValuePersistentEntity<?, ?> entity;

	private final String prefix;

	StateQuery(StateOperations state, JsonMapper jsonMapper, KeyValuePersistentEntity<?, ?> entity, String keyspace) {
		this.state = state;
		this.jsonMapper = jsonMapper;
		this.entity = entity;
		this.prefix = keyspace + ":";
	}

	/**
	 * Every entity of the keyspace, by id. One query without a page: pages are offsets into
	 * the result, which moves under concurrent writes (and ties of a sort, for example equal ids
	 * in other keyspaces, may come back in another order), so that an entity stored throughout
	 * could fall between two pages; one query is one snapshot of the table.
	 */
	Map<String, Object> all() {
		Map<String, Object> found = new LinkedHashMap<>();
		// An empty filter matches every row; the keyspace is selected below.
		scan(Map.of(), List.of(), found, (candidate) -> true);
		return found;
	}

	/**
	 * Runs the query: every match is read in one query without a page (see {@link #all()}: a
	 * page requested from the store could miss a match among ties of the order, measured), then
	 * sorted here unless the store sorted, and paged here.
	 * @param rows how many results at most, {@code -1} for all
	 */
	@SuppressWarnings("unchecked")
	List<Object> run(IndexedPredicate criteria, Sort sort, @Nullable Comparator<?> comparator, long offset, int rows) {
		List<Map<String, String>> order = pushedOrder(sort);
		boolean ordered = order != null;
		long wanted = (rows >= 0) ? offset + rows : Long.MAX_VALUE;
		Map<String, Object> found = new LinkedHashMap<>();
		scan(criteria.filter(), ordered ? order : List.of(), found, criteria);
		List<Object> matches = new ArrayList<>(found.values());
		if (!ordered && comparator != null) {
			matches.sort((Comparator<Object>) comparator);
		}
		int from = (int) Math.min(offset, matches.size());
		int to = (int) Math.min(wanted, matches.size());
		return new ArrayList<>(matches.subList(from, to));
	}

	// One query without a page, whose candidate keys are read again as this application (see
	// the class documentation), in bulk reads of a bounded size.
	private void scan(@Nullable Map<String, Object> filter, List<Map<String, String>> order,
			Map<String, Object> found, Predicate<Object> criteria) {
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("filter", filter);
		if (!order.isEmpty()) {
			query.put("sort", order);
		}
		Set<String> keys = new LinkedHashSet<>();
		for (StateEntry<JsonNode> entry : this.state.query(query, JsonNode.class).results()) {
			if (entry.key().startsWith(this.prefix) && !entry.key().startsWith(this.prefix + "__")) {
				keys.add(entry.key());
			}
		}
		List<String> candidates = new ArrayList<>(keys);
		for (int from = 0; from < candidates.size(); from += BULK) {
			List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + BULK));
			for (StateEntry<JsonNode> entry : this.state.getAll(chunk, JsonNode.class)) {
				if (entry.value() != null && entry.value().isObject()) {
					Object candidate = this.jsonMapper.treeToValue(entry.value(), this.entity.getType());
					if (criteria.test(candidate)) {
						found.put(entry.key().substring(this.prefix.length()), candidate);
					}
				}
			}
		}
	}

	/**
	 * The sort to send, with the id as tie-breaker so that pages are stable; {@code null} when a
	 * sorted property is not text (the database orders JSON values as text) or ignores case.
	 */
	private @Nullable List<Map<String, String>> pushedOrder(Sort sort) {
		List<Map<String, String>> order = new ArrayList<>();
		for (Sort.Order item : sort) {
			PersistentProperty<?> property = this.entity.getPersistentProperty(item.getProperty());
			if (property == null || property.getType() != String.class || item.isIgnoreCase()) {
				return null;
			}
			order.add(Map.of("key", item.getProperty(), "order", item.isAscending() ? "ASC" : "DESC"));
		}
		PersistentProperty<?> id = this.entity.getIdProperty();
		if (id == null || id.getType() != String.class) {
			return sort.isSorted() ? order : null;
		}
		order.add(Map.of("key", id.getName(), "order", "ASC"));
		return order;
	}

}
