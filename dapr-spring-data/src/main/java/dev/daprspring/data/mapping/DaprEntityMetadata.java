package dev.daprspring.data.mapping;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentEntity;
import org.springframework.data.mapping.PersistentProperty;
import org.springframework.data.mapping.PersistentPropertyAccessor;

/**
 * What the repository needs to know about one entity type beyond its id: its {@code @Version}
 * property (a number, checked and incremented on each save, guarded by the ETag) and its
 * {@link TimeToLive} property.
 */
public final class DaprEntityMetadata {

	private final KeyValuePersistentEntity<?, ?> entity;

	private final @Nullable PersistentProperty<?> version;

	private final @Nullable PersistentProperty<?> timeToLive;

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

	/** Puts back a value read with {@link #rawVersion} (mutable entities only). */
	public void restoreVersion(Object bean, @Nullable Object raw) {
		if (this.version != null) {
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

	private static boolean isNumber(Class<?> type) {
		return type == Long.class || type == long.class || type == Integer.class || type == int.class;
	}

}
