package dev.daprspring.boot.autoconfigure.lock;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the {@code DaprLockRegistry} bean. Validates itself when bound.
 */
@ConfigurationProperties("dapr.lock")
public class DaprLockProperties implements Validator {

	/** Lock store component (for example a lock.redis) the LockRegistry bean uses; no LockRegistry bean without it. */
	private @Nullable String store;

	/** How long a lock's lease lasts unless released first; whole seconds, longer than any code runs under the lock. */
	private Duration expiry = Duration.ofSeconds(60);

	/** Longest wait between two tries of a blocking lock(); the wait doubles up to it from 5 ms. */
	private Duration idleBetweenTries = Duration.ofMillis(100);

	public @Nullable String getStore() {
		return this.store;
	}

	public void setStore(@Nullable String store) {
		this.store = store;
	}

	public Duration getExpiry() {
		return this.expiry;
	}

	public void setExpiry(Duration expiry) {
		this.expiry = expiry;
	}

	public Duration getIdleBetweenTries() {
		return this.idleBetweenTries;
	}

	public void setIdleBetweenTries(Duration idleBetweenTries) {
		this.idleBetweenTries = idleBetweenTries;
	}

	@Override
	public boolean supports(Class<?> type) {
		return DaprLockProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		DaprLockProperties properties = (DaprLockProperties) target;
		if (properties.getStore() != null && properties.getStore().isBlank()) {
			errors.rejectValue("store", "dapr.lock.store", "must name a lock store component, for example locks");
		}
		Duration expiry = properties.getExpiry();
		if (expiry.getSeconds() < 1 || expiry.getNano() != 0 || expiry.getSeconds() > Integer.MAX_VALUE) {
			errors.rejectValue("expiry", "dapr.lock.expiry",
					"must be whole seconds, at least one (the sidecar takes expiry_in_seconds), for example 60s; got "
							+ expiry);
		}
		Duration idle = properties.getIdleBetweenTries();
		if (idle.isNegative() || idle.isZero()) {
			errors.rejectValue("idleBetweenTries", "dapr.lock.positive",
					"must be positive, for example 100ms; got " + idle);
		}
	}

}
