package dev.daprspring.data.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.data.keyvalue.core.PredicateQueryEngine;

/**
 * Evaluates derived queries, sorting and paging in memory over every entity of a keyspace,
 * and says so once per keyspace in the log.
 */
final class ScanningQueryEngine extends PredicateQueryEngine {

	private static final Log logger = LogFactory.getLog(ScanningQueryEngine.class);

	private final String store;

	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	ScanningQueryEngine(String store) {
		this.store = store;
	}

	@Override
	public Collection<?> execute(@Nullable Predicate<?> criteria, @Nullable Comparator<?> sort, long offset, int rows,
			String keyspace) {
		report(keyspace);
		return super.execute(criteria, sort, offset, rows, keyspace);
	}

	@Override
	public long count(@Nullable Predicate<?> criteria, String keyspace) {
		report(keyspace);
		return super.count(criteria, keyspace);
	}

	private void report(String keyspace) {
		if (this.reported.add(keyspace) && logger.isInfoEnabled()) {
			logger.info("Queries on keyspace '" + keyspace + "' in state store '" + this.store
					+ "' read every entity of the keyspace through its id index and filter, sort and page in memory");
		}
	}

}
