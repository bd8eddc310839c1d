package dev.daprspring.data.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.data.core.DaprKeyValueTemplate;
import dev.daprspring.data.mapping.Indexed;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.keyvalue.core.KeyValueOperations;
import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentEntity;
import org.springframework.data.keyvalue.core.query.KeyValueQuery;
import org.springframework.data.mapping.PersistentProperty;
import org.springframework.data.keyvalue.repository.query.KeyValuePartTreeQuery;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.ValueExpressionDelegate;
import org.springframework.data.repository.query.parser.AbstractQueryCreator;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * A derived query that also runs what spring-data-keyvalue's part-tree query leaves out:
 * {@code deleteBy…} (deletes each entity it finds, one by one, so the index stays in step and a
 * {@code @Version} is checked), {@code Stream} results, and {@code Slice} results that know
 * whether a next slice exists. The first execution logs that the method scans its keyspace.
 */
public class DaprPartTreeQuery extends KeyValuePartTreeQuery {

	private static final Log logger = LogFactory.getLog(DaprPartTreeQuery.class);

	private final KeyValueOperations operations;

	private final boolean delete;

	private final boolean indexed;

	private final AtomicBoolean scanReported = new AtomicBoolean();

	public DaprPartTreeQuery(QueryMethod queryMethod, ValueExpressionDelegate valueExpressionDelegate,
			KeyValueOperations operations, Class<? extends AbstractQueryCreator<?, ?>> queryCreator) {
		super(queryMethod, valueExpressionDelegate, operations, queryCreator);
		this.operations = operations;
		PartTree tree = new PartTree(queryMethod.getName(), queryMethod.getEntityInformation().getJavaType());
		this.delete = tree.isDelete();
		this.indexed = usesIndex(tree, queryMethod.getEntityInformation().getJavaType());
	}

	/** Whether every branch of the query is a conjunction holding an equality on an {@code @Indexed} property. */
	private boolean usesIndex(PartTree tree, Class<?> type) {
		List<PartTree.OrPart> branches = tree.stream().toList();
		if (branches.size() != 1) {
			return false;
		}
		KeyValuePersistentEntity<?, ?> entity = (KeyValuePersistentEntity<?, ?>) this.operations.getMappingContext()
			.getRequiredPersistentEntity(type);
		return branches.get(0).stream().anyMatch((part) -> {
			if (!DaprQueryCreator.isIndexable(part)) {
				return false;
			}
			PersistentProperty<?> property = entity.getPersistentProperty(part.getProperty().getSegment());
			return property != null && property.isAnnotationPresent(Indexed.class);
		});
	}

	@Override
	protected @Nullable Object doExecute(Object[] parameters, KeyValueQuery<?> query) {
		QueryMethod method = getQueryMethod();
		Class<?> type = method.getEntityInformation().getJavaType();
		if (!pushedDown(query)) {
			reportScan(method, type);
		}
		if (this.delete) {
			return deleteAll(this.operations.find(query, type), method);
		}
		if (method.isStreamQuery()) {
			return StreamSupport.stream(this.operations.find(query, type).spliterator(), false);
		}
		if (method.isSliceQuery() && !method.isPageQuery()) {
			Pageable page = (Pageable) parameters[method.getParameters().getPageableIndex()];
			if (page.isUnpaged()) {
				return new SliceImpl<>(toList(this.operations.find(query, type)), page, false);
			}
			// One more than the slice holds tells whether a next slice exists.
			query.setOffset(page.getOffset());
			query.setRows(page.getPageSize() + 1);
			List<Object> content = toList(this.operations.find(query, type));
			boolean hasNext = content.size() > page.getPageSize();
			return new SliceImpl<>(hasNext ? content.subList(0, page.getPageSize()) : content, page, hasNext);
		}
		return super.doExecute(parameters, query);
	}

	/** Whether the store's state query API runs this query (then nothing is scanned). */
	private boolean pushedDown(KeyValueQuery<?> query) {
		return this.operations instanceof DaprKeyValueTemplate template
				&& template.getKeyValueAdapter().pushesDown(query);
	}

	/** Once per query method that no index serves: it reads the whole keyspace. */
	private void reportScan(QueryMethod method, Class<?> type) {
		if (!this.indexed && this.scanReported.compareAndSet(false, true) && logger.isInfoEnabled()) {
			String store = (this.operations instanceof DaprKeyValueTemplate template) ? template.storeName() : "?";
			String keyspace = ((KeyValuePersistentEntity<?, ?>) this.operations.getMappingContext()
				.getRequiredPersistentEntity(type)).getKeySpace();
			// Method#toString without modifiers and return type: the declaring interface, name and parameters.
			String signature = method.toString();
			signature = signature.substring(signature.lastIndexOf(' ', signature.indexOf('(')) + 1);
			logger.info("Query method " + signature + " scans keyspace '" + keyspace + "' in state store '" + store
					+ "': it reads every entity through the keyspace's id index and filters, sorts and pages in memory");
		}
	}

	private @Nullable Object deleteAll(Iterable<?> found, QueryMethod method) {
		List<Object> deleted = new ArrayList<>();
		for (Object entity : found) {
			this.operations.delete(entity);
			deleted.add(entity);
		}
		if (method.isCollectionQuery()) {
			return deleted;
		}
		if (method.isStreamQuery()) {
			return deleted.stream();
		}
		Class<?> returned = method.getReturnedObjectType();
		if (returned == void.class || returned == Void.class) {
			return null;
		}
		if (method.isQueryForEntity()) {
			return deleted.isEmpty() ? null : deleted.get(0);
		}
		return (long) deleted.size();
	}

	private static List<Object> toList(Iterable<?> found) {
		List<Object> list = new ArrayList<>();
		found.forEach(list::add);
		return list;
	}

}
