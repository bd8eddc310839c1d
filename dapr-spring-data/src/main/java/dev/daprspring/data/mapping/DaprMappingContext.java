package dev.daprspring.data.mapping;

import java.beans.Introspector;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.core.TypeInformation;
import org.springframework.data.keyvalue.annotation.KeySpace;
import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentEntity;
import org.springframework.data.keyvalue.core.mapping.context.KeyValueMappingContext;
import org.springframework.data.mapping.model.BeanWrapperPropertyAccessorFactory;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.mapping.model.InstantiationAwarePropertyAccessorFactory;
import org.springframework.data.mapping.model.PersistentPropertyAccessorFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;

/**
 * The mapping context of Dapr repositories. An entity's keyspace is its {@code @KeySpace},
 * else the keyspace its repository names, else its simple class name in lower camel case
 * ({@code PurchaseOrder} → {@code purchaseOrder}). Setting a property of an immutable entity
 * (a record, final fields) through its property accessor makes a new instance, with a wither
 * ({@code withId(...)}) or else the persistence constructor.
 */
@SuppressWarnings("rawtypes") // KeyValueMappingContext's self-referencing bounds leave no other way to subclass it
public class DaprMappingContext extends KeyValueMappingContext {

	// Spring Data gives an entity an accessor that makes new instances only when it can generate
	// an accessor class for the type (not, say, when two property names share a hash code); the
	// reflective one it keeps otherwise is given that ability here.
	private static final PersistentPropertyAccessorFactory REFLECTIVE = new InstantiationAwarePropertyAccessorFactory(
			BeanWrapperPropertyAccessorFactory.INSTANCE, new EntityInstantiators());

	private final Map<Class<?>, String> repositoryKeyspaces = new ConcurrentHashMap<>();

	private final Map<Class<?>, DaprEntityMetadata> metadata = new ConcurrentHashMap<>();

	public DaprMappingContext() {
		setFallbackKeySpaceResolver(this::fallbackKeyspace);
	}

	/**
	 * Uses this keyspace for the entity type; call before the type is first mapped.
	 * @throws IllegalStateException if the type already has another keyspace
	 */
	public void registerKeyspace(Class<?> type, String keyspace) {
		checkKeyspace(keyspace, type);
		KeySpace annotated = AnnotatedElementUtils.findMergedAnnotation(type, KeySpace.class);
		String declared = (annotated != null) ? annotated.value() : this.repositoryKeyspaces.get(type);
		if (declared != null && !declared.isEmpty() && !declared.equals(keyspace)) {
			throw new IllegalStateException("Entity " + type.getName() + " already has keyspace '" + declared
					+ "'; a repository names keyspace '" + keyspace + "'. Use one keyspace per entity type.");
		}
		this.repositoryKeyspaces.put(type, keyspace);
	}

	/** The mapped entity of this type, mapping it now if needed. */
	public KeyValuePersistentEntity<?, ?> entity(Class<?> type) {
		return (KeyValuePersistentEntity<?, ?>) getRequiredPersistentEntity(type);
	}

	/** What the adapter reads and writes of an entity of this type (made once per type). */
	public DaprEntityMetadata metadata(Class<?> type) {
		return this.metadata.computeIfAbsent(type, (t) -> new DaprEntityMetadata(entity(t)));
	}

	@Override
	protected KeyValuePersistentEntity createPersistentEntity(TypeInformation typeInformation) {
		KeyValuePersistentEntity entity = super.createPersistentEntity(typeInformation);
		// Replaced by the generated accessor's factory when Spring Data can generate one.
		entity.setPersistentPropertyAccessorFactory(REFLECTIVE);
		return entity;
	}

	/** The entity types mapped so far. */
	@SuppressWarnings("unchecked")
	public List<KeyValuePersistentEntity<?, ?>> entities() {
		return List.copyOf((Collection<KeyValuePersistentEntity<?, ?>>) getPersistentEntities());
	}

	private String fallbackKeyspace(Class<?> type) {
		String keyspace = this.repositoryKeyspaces.get(type);
		if (keyspace == null) {
			keyspace = Introspector.decapitalize(type.getSimpleName());
		}
		checkKeyspace(keyspace, type);
		return keyspace;
	}

	static void checkKeyspace(String keyspace, Class<?> type) {
		Assert.isTrue(!keyspace.isEmpty() && !keyspace.contains(":") && !keyspace.contains("||"),
				() -> "Keyspace '" + keyspace + "' of " + type.getName()
						+ " must be non-empty without ':' or '||' (keys are '<keyspace>:<id>')");
	}

}
