package dev.daprspring.data.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.state.QueryResult;
import dev.daprspring.core.state.StateEntry;
import dev.daprspring.core.state.StateOperations;
import org.springframework.data.domain.Sort;
import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentEntity;
import org.springframework.data.mapping.PersistentProperty;

/**
 * One derived query run through the state query API of a store. The API filters the whole
 * store (every keyspace and index document; it does not filter by app id), so results outside
 * the keyspace are dropped here.
 */
final class StateQuery {

	/** How many results one query API call asks for at least. */
	static final int PAGE = 200;

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
	 * Runs the query: with a pushed order, pages are fetched only until the requested rows are
	 * found; otherwise every match is read, then sorted and paged here.
	 * @param rows how many results at most, {@code -1} for all
	 */
	@SuppressWarnings("unchecked")
	List<Object> run(IndexedPredicate criteria, Sort sort, @Nullable Comparator<?> comparator, long offset, int rows) {
		List<Map<String, String>> order = pushedOrder(sort);
		boolean ordered = order != null;
		long wanted = (rows >= 0) ? offset + rows : Long.MAX_VALUE;
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("filter", criteria.filter());
		if (ordered && !order.isEmpty()) {
			query.put("sort", order);
		}
		int limit = (ordered && rows >= 0) ? (int) Math.max(PAGE, Math.min(wanted, 10_000)) : PAGE;
		List<Object> matches = new ArrayList<>();
		String token = null;
		do {
			Map<String, Object> page = new LinkedHashMap<>();
			page.put("limit", limit);
			if (token != null) {
				page.put("token", token);
			}
			query.put("page", page);
			QueryResult<JsonNode> result = this.state.query(query, JsonNode.class);
			for (StateEntry<JsonNode> entry : result.results()) {
				if (entry.key().startsWith(this.prefix) && !entry.key().startsWith(this.prefix + "__")
						&& entry.value() != null && entry.value().isObject()) {
					Object candidate = this.jsonMapper.treeToValue(entry.value(), this.entity.getType());
					if (criteria.test(candidate)) {
						matches.add(candidate);
					}
				}
			}
			token = (result.results().size() < limit) ? null : result.token();
		}
		while (token != null && !(ordered && matches.size() >= wanted));
		if (!ordered && comparator != null) {
			matches.sort((Comparator<Object>) comparator);
		}
		int from = (int) Math.min(offset, matches.size());
		int to = (int) Math.min(wanted, matches.size());
		return new ArrayList<>(matches.subList(from, to));
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
