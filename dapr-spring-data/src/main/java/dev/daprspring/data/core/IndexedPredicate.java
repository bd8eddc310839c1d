package dev.daprspring.data.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The criteria of a derived query, with what a store can use to narrow the candidates down:
 * the equalities every match satisfies (property → value), for {@code @Indexed} properties, and
 * a filter of the state query API that every match passes. Both may select more than the
 * criteria (the caller always applies the criteria too). A query with {@code Or} names no
 * equality.
 *
 * @param delegate the full criteria
 * @param equalities property values every match holds
 * @param filter a state query API filter ({@code EQ}, {@code IN}, {@code AND}, {@code OR}) every
 * match passes, or {@code null} when the criteria cannot be expressed so
 */
public record IndexedPredicate(Predicate<Object> delegate, Map<String, Object> equalities,
		@Nullable Map<String, Object> filter) implements Predicate<Object> {

	/** A condition that narrows nothing down. */
	@SuppressWarnings("unchecked")
	public static IndexedPredicate of(Predicate<?> predicate) {
		return (predicate instanceof IndexedPredicate indexed) ? indexed
				: new IndexedPredicate((Predicate<Object>) predicate, Map.of(), null);
	}

	@Override
	public boolean test(Object candidate) {
		return this.delegate.test(candidate);
	}

	/** Both conditions; the equalities of both; the filters of both (or the one there is). */
	public IndexedPredicate and(IndexedPredicate other) {
		Map<String, Object> both = new LinkedHashMap<>(this.equalities);
		both.putAll(other.equalities);
		Map<String, Object> filter = (this.filter == null) ? other.filter
				: (other.filter == null) ? this.filter : Map.of("AND", List.of(this.filter, other.filter));
		return new IndexedPredicate(this.delegate.and(other.delegate), both, filter);
	}

	/** Either condition; no equality holds for every match; a filter only if both have one. */
	public IndexedPredicate or(IndexedPredicate other) {
		Map<String, Object> filter = (this.filter != null && other.filter != null)
				? Map.of("OR", List.of(this.filter, other.filter)) : null;
		return new IndexedPredicate(this.delegate.or(other.delegate), Map.of(), filter);
	}

}
