package dev.daprspring.data.repository;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.daprspring.data.core.IndexedPredicate;
import org.springframework.data.keyvalue.repository.query.PredicateQueryCreator;
import org.springframework.data.repository.query.ParameterAccessor;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * spring-data-keyvalue's predicate query creator whose criteria also name the equalities every
 * match holds ({@link IndexedPredicate}), so that {@code @Indexed} properties can serve them.
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
		if (isIndexable(part) && consumed.size() == 1 && consumed.get(0) != null) {
			return new IndexedPredicate(plain.delegate(), Map.of(part.getProperty().getSegment(), consumed.get(0)));
		}
		return plain;
	}

	@Override
	protected Predicate<?> and(Part part, Predicate<?> base, Iterator<Object> iterator) {
		return IndexedPredicate.of(base).and(IndexedPredicate.of(create(part, iterator)));
	}

	@Override
	protected Predicate<?> or(Predicate<?> base, Predicate<?> criteria) {
		return IndexedPredicate.of(base).or(IndexedPredicate.of(criteria));
	}

	/** A plain, case-sensitive equality on a top-level property. */
	static boolean isIndexable(Part part) {
		return part.getType() == Part.Type.SIMPLE_PROPERTY && part.shouldIgnoreCase() == Part.IgnoreCaseType.NEVER
				&& !part.getProperty().hasNext();
	}

}
