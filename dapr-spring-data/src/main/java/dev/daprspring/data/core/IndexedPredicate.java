package dev.daprspring.data.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The criteria of a derived query that also names the equalities every match satisfies
 * (property → value), so that an index on one of those properties can find the candidates.
 * A query with {@code Or} names none.
 *
 * @param delegate the full criteria
 * @param equalities property values every match holds
 */
public record IndexedPredicate(Predicate<Object> delegate, Map<String, Object> equalities) implements Predicate<Object> {

	/** A condition that narrows nothing down. */
	@SuppressWarnings("unchecked")
	public static IndexedPredicate of(Predicate<?> predicate) {
		return (predicate instanceof IndexedPredicate indexed) ? indexed
				: new IndexedPredicate((Predicate<Object>) predicate, Map.of());
	}

	@Override
	public boolean test(Object candidate) {
		return this.delegate.test(candidate);
	}

	/** Both conditions; the equalities of both. */
	public IndexedPredicate and(IndexedPredicate other) {
		Map<String, Object> both = new LinkedHashMap<>(this.equalities);
		both.putAll(other.equalities);
		return new IndexedPredicate(this.delegate.and(other.delegate), both);
	}

	/** Either condition; no equality holds for every match. */
	public IndexedPredicate or(IndexedPredicate other) {
		return new IndexedPredicate(this.delegate.or(other.delegate), Map.of());
	}

}
