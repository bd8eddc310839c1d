package dev.daprspring.data.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.keyvalue.core.PathSortAccessor;
import org.springframework.data.keyvalue.core.PredicateQueryEngine;
import org.springframework.data.keyvalue.core.query.KeyValueQuery;

/**
 * Runs derived queries: on a store with the state query API, a query whose criteria have a
 * query API filter is sent to the store (filter, and sort and paging when they can be); else a
 * query whose criteria hold an equality on an {@code @Indexed} property reads only the entities
 * that index names (where the store keeps indexes); others read the whole keyspace.
 * Filtering, sorting and paging that the store did not do run in memory.
 */
final class DaprQueryEngine extends PredicateQueryEngine {

	private static final PathSortAccessor SORT = new PathSortAccessor();

	private final StoreContext store;

	DaprQueryEngine(StoreContext store) {
		this.store = store;
	}

	@Override
	public <T> Collection<T> execute(KeyValueQuery<?> query, String keyspace, Class<T> type) {
		if (pushable(query)) {
			@SuppressWarnings("unchecked")
			Collection<T> found = (Collection<T>) queryApi(query, keyspace);
			return found;
		}
		return super.execute(query, keyspace, type);
	}

	@Override
	public Collection<?> execute(KeyValueQuery<?> query, String keyspace) {
		if (pushable(query)) {
			return queryApi(query, keyspace);
		}
		return super.execute(query, keyspace);
	}

	@Override
	public long count(KeyValueQuery<?> query, String keyspace) {
		if (pushable(query)) {
			return stateQuery(keyspace).run((IndexedPredicate) query.getCriteria(), Sort.unsorted(), null, 0, -1).size();
		}
		return super.count(query, keyspace);
	}

	private boolean pushable(KeyValueQuery<?> query) {
		return getAdapter() instanceof DaprKeyValueAdapter adapter && adapter.pushesDown(query);
	}

	/**
	 * Runs a query through the state query API: its filter, and its sort when every sorted
	 * property is a text property (so the database's text ordering is the property's order),
	 * with the entity id as tie-breaker; see {@link StateQuery}.
	 */
	private List<Object> queryApi(KeyValueQuery<?> query, String keyspace) {
		return stateQuery(keyspace).run((IndexedPredicate) query.getCriteria(), query.getSort(), SORT.resolve(query),
				Math.max(query.getOffset(), 0), query.getRows());
	}

	private StateQuery stateQuery(String keyspace) {
		return this.store.stateQuery(keyspace);
	}

	@Override
	public Collection<?> execute(@Nullable Predicate<?> criteria, @Nullable Comparator<?> sort, long offset, int rows,
			String keyspace) {
		List<?> candidates = indexedCandidates(criteria, keyspace);
		if (candidates == null) {
			return super.execute(criteria, sort, offset, rows, keyspace);
		}
		@SuppressWarnings("unchecked")
		Predicate<Object> filter = (Predicate<Object>) criteria;
		List<Object> matches = new ArrayList<>();
		for (Object candidate : candidates) {
			if (filter.test(candidate)) {
				matches.add(candidate);
			}
		}
		if (sort != null) {
			@SuppressWarnings("unchecked")
			Comparator<Object> comparator = (Comparator<Object>) sort;
			matches.sort(comparator);
		}
		int from = (int) Math.min(Math.max(offset, 0), matches.size());
		int to = (rows > 0) ? (int) Math.min((long) from + rows, matches.size()) : matches.size();
		return matches.subList(from, to);
	}

	@Override
	public long count(@Nullable Predicate<?> criteria, String keyspace) {
		List<?> candidates = indexedCandidates(criteria, keyspace);
		if (candidates == null) {
			return super.count(criteria, keyspace);
		}
		@SuppressWarnings("unchecked")
		Predicate<Object> filter = (Predicate<Object>) criteria;
		return candidates.stream().filter(filter).count();
	}

	/** The entities an index names for the criteria, or {@code null} when no index applies. */
	private @Nullable List<?> indexedCandidates(@Nullable Predicate<?> criteria, String keyspace) {
		if (!(criteria instanceof IndexedPredicate indexed) || indexed.equalities().isEmpty()
				|| !(getAdapter() instanceof DaprKeyValueAdapter adapter)) {
			return null;
		}
		return adapter.findIndexed(keyspace, indexed.equalities());
	}

}
