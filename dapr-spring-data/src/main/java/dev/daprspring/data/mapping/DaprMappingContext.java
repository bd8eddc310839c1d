package dev.daprspring.data.mapping;

import java.beans.Introspector;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.keyvalue.annotation.KeySpace;
import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentEntity;
import org.springframework.data.keyvalue.core.mapping.context.KeyValueMappingContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;

/**
 * The mapping context of Dapr repositories. An entity's keyspace is its {@code @KeySpace},
 * else the keyspace its repository names, else its simple class name in lower camel case
 * ({@code PurchaseOrder} → {@code purchaseOrder}).
 */
@SuppressWarnings("rawtypes") // KeyValueMappingContext's self-referencing bounds leave no other way to subclass it
public class DaprMappingContext extends KeyValueMappingContext {

	private final Map<Class<?>, String> repositoryKeyspaces = new ConcurrentHashMap<>();

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
