package dev.daprspring.data.core;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.daprspring.data.mapping.DaprEntityMetadata;
import dev.daprspring.data.mapping.DaprMappingContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.keyvalue.core.KeyValueCallback;
import org.springframework.data.keyvalue.core.KeyValueTemplate;
import org.springframework.data.keyvalue.core.event.KeyValueEvent;
import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentEntity;
import org.springframework.util.ClassUtils;

/**
 * A {@code KeyValueTemplate} on one Dapr state store that also checks {@code @Version} when an
 * entity (rather than an id) is deleted, and checks the store before its first operation.
 * Insert and update return the entity as saved, with its id and new version: the same instance
 * for a mutable entity, a new one for an immutable entity (a record, final fields).
 */
public class DaprKeyValueTemplate extends KeyValueTemplate {

	private final DaprKeyValueAdapter adapter;

	private final DaprMappingContext mappingContext;

	private final Runnable storeCheck;

	private volatile boolean storeChecked;

	// Kept here too (the template's are private): insert and update are this class's own.
	private @Nullable ApplicationEventPublisher eventPublisher;

	private boolean publishEvents = true;

	@SuppressWarnings("rawtypes")
	private Set<Class<? extends KeyValueEvent>> eventTypes = Set.of();

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
	public void setApplicationEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		super.setApplicationEventPublisher(applicationEventPublisher);
		this.eventPublisher = applicationEventPublisher;
	}

	@Override
	@SuppressWarnings("rawtypes")
	public void setEventTypesToPublish(Set<Class<? extends KeyValueEvent>> eventTypesToPublish) {
		super.setEventTypesToPublish(eventTypesToPublish);
		// As in the template: none stops publishing.
		this.publishEvents = eventTypesToPublish != null && !eventTypesToPublish.isEmpty();
		this.eventTypes = this.publishEvents ? Set.copyOf(eventTypesToPublish) : Set.of();
	}

	/**
	 * Inserts the entity; one without an id whose id is text or a {@code UUID} gets a random
	 * UUID, as from the template's generator, and is saved without the existence check (nothing
	 * can be stored under that id yet), nor a read of the entity.
	 */
	@Override
	public <T> T insert(T objectToInsert) {
		KeyValuePersistentEntity<?, ?> entity = this.mappingContext.entity(ClassUtils.getUserClass(objectToInsert));
		Class<?> idType = entity.getRequiredIdProperty().getType();
		if (entity.getIdentifierAccessor(objectToInsert).getIdentifier() != null
				|| (idType != String.class && idType != UUID.class)) {
			// Other generated ids (random numbers) may collide: checked as usual.
			return super.insert(objectToInsert);
		}
		UUID uuid = UUID.randomUUID();
		return insert((idType == String.class) ? uuid.toString() : uuid, objectToInsert, true);
	}

	// insert(T) sets the id it generates on a copy of an immutable entity that it then drops,
	// and passes the id on to this method: the entity gets it here.
	@Override
	public <T> T insert(Object id, T objectToInsert) {
		return insert(id, objectToInsert, false);
	}

	private <T> T insert(Object id, T objectToInsert, boolean generated) {
		T item = withId(id, objectToInsert);
		String keyspace = keyspace(item);
		publish(KeyValueEvent.beforeInsert(id, keyspace, item.getClass(), item));
		T saved = execute((adapter) -> {
			if (generated) {
				return saved(this.adapter.putNew(id, item, keyspace), item);
			}
			if (adapter.contains(id, keyspace)) {
				throw new DuplicateKeyException("Cannot insert existing object with id " + id + "; Please use update");
			}
			return saved(adapter.put(id, item, keyspace), item);
		});
		publish(KeyValueEvent.afterInsert(id, keyspace, saved.getClass(), saved));
		return saved;
	}

	@Override
	public <T> T update(Object id, T objectToUpdate) {
		T item = withId(id, objectToUpdate);
		String keyspace = keyspace(item);
		publish(KeyValueEvent.beforeUpdate(id, keyspace, item.getClass(), item));
		T saved = execute((adapter) -> saved(adapter.put(id, item, keyspace), item));
		// As before: the event's replaced entity is what put returns, here the entity saved.
		publish(KeyValueEvent.afterUpdate(id, keyspace, saved.getClass(), saved, saved));
		return saved;
	}

	// An entity without an id gets the one it is stored under.
	@SuppressWarnings("unchecked")
	private <T> T withId(Object id, T item) {
		DaprEntityMetadata entity = this.mappingContext.metadata(ClassUtils.getUserClass(item));
		return (entity.id(item) == null) ? (T) entity.withId(item, id) : item;
	}

	@SuppressWarnings("unchecked")
	private static <T> T saved(@Nullable Object saved, T item) {
		return (saved != null) ? (T) saved : item;
	}

	private String keyspace(Object item) {
		return this.mappingContext.entity(ClassUtils.getUserClass(item)).getKeySpace();
	}

	@SuppressWarnings("rawtypes")
	private void publish(KeyValueEvent event) {
		if (this.eventPublisher != null && this.publishEvents
				&& (this.eventTypes.isEmpty() || this.eventTypes.contains(event.getClass()))) {
			this.eventPublisher.publishEvent(event);
		}
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
