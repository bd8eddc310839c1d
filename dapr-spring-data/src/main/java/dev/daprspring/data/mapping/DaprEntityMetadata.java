package dev.daprspring.data.mapping;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentEntity;
import org.springframework.data.mapping.PersistentProperty;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.ConvertingPropertyAccessor;

/**
 * What the repository needs to know about one entity type beyond its id: its {@code @Version}
 * property (a number, checked and incremented on each save, guarded by the ETag) and its
 * {@link TimeToLive} property. Setting the id or the version changes a mutable entity in place
 * and gives an immutable one (a record, final fields) as a new instance.
 */
public final class DaprEntityMetadata {

	private final KeyValuePersistentEntity<?, ?> entity;

	private final @Nullable PersistentProperty<?> version;

	private final @Nullable PersistentProperty<?> timeToLive;

	private final List<PersistentProperty<?>> indexed = new ArrayList<>();

	private static final Set<Class<?>> INDEXABLE = Set.of(String.class, Character.class, char.class, Boolean.class,
			boolean.class, Integer.class, int.class, Long.class, long.class, Short.class, short.class, Byte.class,
			byte.class, UUID.class);

	public DaprEntityMetadata(KeyValuePersistentEntity<?, ?> entity) {
		this.entity = entity;
		this.version = entity.getVersionProperty();
		if (this.version != null && !isNumber(this.version.getType())) {
			throw new IllegalStateException("@Version property '" + this.version.getName() + "' of "
					+ entity.getType().getName() + " is a " + this.version.getType().getSimpleName()
					+ "; Dapr repositories need a number (Long, Integer, long or int)");
		}
		this.timeToLive = entity.getPersistentProperty(TimeToLive.class);
		if (this.timeToLive != null && !isNumber(this.timeToLive.getType())
				&& !Duration.class.equals(this.timeToLive.getType())) {
			throw new IllegalStateException("@TimeToLive property '" + this.timeToLive.getName() + "' of "
					+ entity.getType().getName() + " must be a Duration or a number of seconds");
		}
		for (PersistentProperty<?> property : entity) {
			if (property.isAnnotationPresent(Indexed.class)) {
				if (!INDEXABLE.contains(property.getType()) && !property.getType().isEnum()) {
					throw new IllegalStateException("@Indexed property '" + property.getName() + "' of "
							+ entity.getType().getName() + " is a " + property.getType().getSimpleName()
							+ "; indexes hold String, whole number, Boolean, Character, UUID or enum values");
				}
				this.indexed.add(property);
			}
		}
	}

	/** The entity's id, {@code null} when it has none yet. */
	public @Nullable Object id(Object bean) {
		return this.entity.getIdentifierAccessor(bean).getIdentifier();
	}

	/**
	 * The entity with this id (the same instance for mutable entities), the id converted to the
	 * id property's type.
	 */
	public Object withId(Object bean, Object id) {
		PersistentPropertyAccessor<Object> accessor = new ConvertingPropertyAccessor<>(
				this.entity.getPropertyAccessor(bean), DefaultConversionService.getSharedInstance());
		accessor.setProperty(this.entity.getRequiredIdProperty(), id);
		return accessor.getBean();
	}

	/** Whether the entity type has a {@code @Version} property. */
	public boolean isVersioned() {
		return this.version != null;
	}

	/** The entity's version, or {@code null} when it has none yet (null or 0: never saved). */
	public @Nullable Long version(Object bean) {
		if (this.version == null) {
			return null;
		}
		Object value = this.entity.getPropertyAccessor(bean).getProperty(this.version);
		long number = (value != null) ? ((Number) value).longValue() : 0;
		return (number != 0) ? number : null;
	}

	/** The entity with its version set (the same instance for mutable entities). */
	public Object withVersion(Object bean, long newVersion) {
		if (this.version == null) {
			return bean;
		}
		PersistentPropertyAccessor<Object> accessor = this.entity.getPropertyAccessor(bean);
		Class<?> type = this.version.getType();
		Object value = (type == Integer.class || type == int.class) ? (Object) (int) newVersion : (Object) newVersion;
		accessor.setProperty(this.version, value);
		return accessor.getBean();
	}

	/** The version property's value as it is, to put back with {@link #restoreVersion} after a failed write. */
	public @Nullable Object rawVersion(Object bean) {
		return (this.version != null) ? this.entity.getPropertyAccessor(bean).getProperty(this.version) : null;
	}

	/** Puts back a value read with {@link #rawVersion}; an immutable version was not changed in place. */
	public void restoreVersion(Object bean, @Nullable Object raw) {
		if (this.version != null && !this.version.isImmutable()) {
			this.entity.getPropertyAccessor(bean).setProperty(this.version, raw);
		}
	}

	/** How long the entity lives, or {@code null} for ever. */
	public @Nullable Duration timeToLive(Object bean) {
		if (this.timeToLive == null) {
			return null;
		}
		Object value = this.entity.getPropertyAccessor(bean).getProperty(this.timeToLive);
		Duration ttl = (value instanceof Duration duration) ? duration
				: (value instanceof Number seconds) ? Duration.ofSeconds(seconds.longValue()) : null;
		return (ttl != null && !ttl.isZero() && !ttl.isNegative()) ? ttl : null;
	}

	/** Whether the property is {@link Indexed @Indexed}. */
	public boolean isIndexed(String property) {
		return this.indexed.stream().anyMatch((p) -> p.getName().equals(property));
	}

	/** Whether the entity type has {@link Indexed @Indexed} properties. */
	public boolean hasIndexes() {
		return !this.indexed.isEmpty();
	}

	/** The entity's indexed values, by property, as {@link #indexValue index values}; null values left out. */
	public Map<String, String> indexedValues(Object bean) {
		if (this.indexed.isEmpty()) {
			return Map.of();
		}
		PersistentPropertyAccessor<Object> accessor = this.entity.getPropertyAccessor(bean);
		Map<String, String> values = new LinkedHashMap<>();
		for (PersistentProperty<?> property : this.indexed) {
			Object value = accessor.getProperty(property);
			if (value != null) {
				values.put(property.getName(), indexValue(value));
			}
		}
		return values;
	}

	/**
	 * How a value appears in the key of its index documents: its string form (an enum's name),
	 * URL-encoded in UTF-8 so that it never holds Dapr's {@code ||} separator.
	 */
	public static String indexValue(Object value) {
		String text = (value instanceof Enum<?> constant) ? constant.name() : String.valueOf(value);
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static boolean isNumber(Class<?> type) {
		return type == Long.class || type == long.class || type == Integer.class || type == int.class;
	}

}
