package dev.daprspring.data.core;

import dev.daprspring.data.mapping.DaprMappingContext;
import org.springframework.data.keyvalue.core.KeyValueTemplate;
import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentEntity;
import org.springframework.util.ClassUtils;

/**
 * A {@code KeyValueTemplate} on one Dapr state store that also checks {@code @Version} when an
 * entity (rather than an id) is deleted.
 */
public class DaprKeyValueTemplate extends KeyValueTemplate {

	private final DaprKeyValueAdapter adapter;

	private final DaprMappingContext mappingContext;

	public DaprKeyValueTemplate(DaprKeyValueAdapter adapter, DaprMappingContext mappingContext) {
		super(adapter, mappingContext);
		this.adapter = adapter;
		this.mappingContext = mappingContext;
	}

	/** The state store the entities are stored in. */
	public String storeName() {
		return this.adapter.storeName();
	}

	@Override
	public DaprKeyValueAdapter getKeyValueAdapter() {
		return this.adapter;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T delete(T objectToDelete) {
		Class<T> type = (Class<T>) ClassUtils.getUserClass(objectToDelete);
		KeyValuePersistentEntity<?, ?> entity = this.mappingContext.entity(type);
		if (entity.getVersionProperty() == null) {
			return super.delete(objectToDelete);
		}
		Object id = entity.getIdentifierAccessor(objectToDelete).getRequiredIdentifier();
		return execute((adapter) -> this.adapter.deleteVersioned(id, entity.getKeySpace(), type, objectToDelete));
	}

}
