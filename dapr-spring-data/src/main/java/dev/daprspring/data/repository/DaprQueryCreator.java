package dev.daprspring.data.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.daprspring.data.core.IndexedPredicate;
import org.springframework.data.keyvalue.repository.query.PredicateQueryCreator;
import org.springframework.data.repository.query.ParameterAccessor;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * spring-data-keyvalue's predicate query creator whose criteria also name the equalities every
 * match holds and a state query API filter every match passes ({@link IndexedPredicate}), so
 * that {@code @Indexed} properties or the store's query API can narrow the candidates down.
 */
public class DaprQueryCreator extends PredicateQueryCreator {

	public DaprQueryCreator(PartTree tree, ParameterAccessor parameters) {
		super(tree, parameters);
	}

	@Override
	protected Predicate<?> create(Part part, Iterator<Object> iterator) {
		List<Object> consumed = new ArrayList<>();
		Iterator<Object> recording = new Iterator<>() {

			@Override
			public boolean hasNext() {
				return iterator.hasNext();
			}

			@Override
			public Object next() {
				Object next = iterator.next();
				consumed.add(next);
				return next;
			}

		};
		Predicate<?> predicate = super.create(part, recording);
		IndexedPredicate plain = IndexedPredicate.of(predicate);
		Object value = (consumed.size() == 1) ? consumed.get(0) : null;
		if (value == null || part.shouldIgnoreCase() != Part.IgnoreCaseType.NEVER || part.getProperty().hasNext()) {
			return plain;
		}
		String property = part.getProperty().getSegment();
		if (part.getType() == Part.Type.SIMPLE_PROPERTY) {
			Map<String, Object> filter = isQueryable(value) ? Map.of("EQ", Map.of(property, queryValue(value))) : null;
			return new IndexedPredicate(plain.delegate(), Map.of(property, value), filter);
		}
		if (part.getType() == Part.Type.IN && value instanceof Collection<?> values && !values.isEmpty()
				&& values.stream().allMatch(DaprQueryCreator::isQueryable)) {
			return new IndexedPredicate(plain.delegate(), Map.of(),
					Map.of("IN", Map.of(property, values.stream().map(DaprQueryCreator::queryValue).toList())));
		}
		return plain;
	}

	/**
	 * Whether the state query API compares the value as the entity's JSON holds it: daprd hands
	 * JSON numbers to state.postgresql as floats that it prints in exponent form from 1e6 on,
	 * so only text and booleans are compared there.
	 */
	static boolean isQueryable(@Nullable Object value) {
		return value instanceof String || value instanceof Boolean || value instanceof Character
				|| value instanceof UUID || value instanceof Enum<?>;
	}

	private static Object queryValue(Object value) {
		return (value instanceof Boolean) ? value : (value instanceof Enum<?> constant) ? constant.name() : value.toString();
	}

	@Override
	protected Predicate<?> and(Part part, Predicate<?> base, Iterator<Object> iterator) {
		return IndexedPredicate.of(base).and(IndexedPredicate.of(create(part, iterator)));
	}

	@Override
	protected Predicate<?> or(Predicate<?> base, Predicate<?> criteria) {
		return IndexedPredicate.of(base).or(IndexedPredicate.of(criteria));
	}

	/** A plain, case-sensitive equality on a top-level property (what an index can serve). */
	static boolean isIndexable(Part part) {
		return part.getType() == Part.Type.SIMPLE_PROPERTY && part.shouldIgnoreCase() == Part.IgnoreCaseType.NEVER
				&& !part.getProperty().hasNext();
	}

}
