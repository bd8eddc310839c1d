package dev.daprspring.messaging.binding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@link BindingEndpoint}s of the application, one per input binding.
 */
public class BindingEndpointRegistry {

	private final Map<String, BindingEndpoint> endpoints = new ConcurrentHashMap<>();

	/** Adds an endpoint; a binding has at most one handler. */
	public void register(BindingEndpoint endpoint) {
		BindingEndpoint existing = this.endpoints.putIfAbsent(endpoint.name(), endpoint);
		Assert.state(existing == null, () -> "Input binding '" + endpoint.name() + "' has two @BindingListener "
				+ "methods, " + existing.describe() + " and " + endpoint.describe() + "; keep one");
	}

	/** The endpoint of a binding, or {@code null}. */
	public @Nullable BindingEndpoint endpoint(String name) {
		return this.endpoints.get(name);
	}

	/** Every registered endpoint. */
	public List<BindingEndpoint> getEndpoints() {
		return new ArrayList<>(this.endpoints.values());
	}

}
