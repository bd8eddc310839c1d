package dev.daprspring.data.core;

import dev.daprspring.data.mapping.DaprMappingContext;
import org.springframework.data.keyvalue.core.KeyValueCallback;
import org.springframework.data.keyvalue.core.KeyValueTemplate;
import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentEntity;
import org.springframework.util.ClassUtils;

/**
 * A {@code KeyValueTemplate} on one Dapr state store that also checks {@code @Version} when an
 * entity (rather than an id) is deleted, and checks the store before its first operation.
 */
public class DaprKeyValueTemplate extends KeyValueTemplate {

	private final DaprKeyValueAdapter adapter;

	private final DaprMappingContext mappingContext;

	private final Runnable storeCheck;

	private volatile boolean storeChecked;

	public DaprKeyValueTemplate(DaprKeyValueAdapter adapter, DaprMappingContext mappingContext) {
		this(adapter, mappingContext, () -> {
		});
	}

	/**
	 * A template that runs the store check before its first operation, and again before each
	 * operation until the check passes once (the sidecar may not be up yet at the first one).
	 */
	public DaprKeyValueTemplate(DaprKeyValueAdapter adapter, DaprMappingContext mappingContext, Runnable storeCheck) {
		super(adapter, mappingContext);
		this.adapter = adapter;
		this.mappingContext = mappingContext;
		this.storeCheck = storeCheck;
	}

	/**
	 * Runs the store check now unless it already passed.
	 * @throws org.springframework.dao.DataAccessException if the store cannot back repositories
	 * or the sidecar cannot be reached
	 */
	public void checkStore() {
		if (!this.storeChecked) {
			this.storeCheck.run();
			this.storeChecked = true;
		}
	}

	@Override
	public <T> T execute(KeyValueCallback<T> action) {
		checkStore();
		return super.execute(action);
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
