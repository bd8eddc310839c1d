package dev.daprspring.boot.autoconfigure.actuate.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.daprspring.boot.autoconfigure.actuate.SidecarProbe;
import dev.daprspring.boot.autoconfigure.actuate.SidecarProbeException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP when the sidecar answers {@code /v1.0/healthz} with 204, with its app id, runtime
 * version, components, subscription count and actor runtime status as details; DOWN with
 * the endpoint and the reason otherwise. Each call waits at most
 * {@code dapr.actuator.timeout} per request.
 */
public final class DaprHealthIndicator implements HealthIndicator {

	private final SidecarProbe sidecar;

	public DaprHealthIndicator(SidecarProbe sidecar) {
		this.sidecar = sidecar;
	}

	@Override
	public Health health() {
		SidecarProbe.Readiness readiness = this.sidecar.readiness();
		Health.Builder health = (readiness.ready()) ? Health.up() : Health.down();
		health.withDetail("endpoint", this.sidecar.endpoint());
		if (!readiness.ready()) {
			return health.withDetail("reason", String.valueOf(readiness.reason())).build();
		}
		try {
			health.withDetails(details(this.sidecar.metadata()));
		}
		catch (SidecarProbeException ex) {
			// Ready but without metadata: still UP, the reason says what is missing.
			health.withDetail("metadata", ex.getMessage());
		}
		return health.build();
	}

	private static Map<String, Object> details(Map<String, Object> metadata) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("appId", metadata.getOrDefault("id", ""));
		details.put("runtimeVersion", metadata.getOrDefault("runtimeVersion", ""));
		List<Map<String, Object>> components = list(metadata.get("components")).stream()
			.map(DaprHealthIndicator::component)
			.toList();
		details.put("components", components);
		details.put("subscriptions", list(metadata.get("subscriptions")).size());
		Object actors = metadata.get("actorRuntime");
		if (actors instanceof Map<?, ?> actorRuntime && actorRuntime.get("runtimeStatus") != null) {
			details.put("actorRuntime", actorRuntime.get("runtimeStatus"));
		}
		return details;
	}

	private static Map<String, Object> component(Object component) {
		Map<String, Object> summary = new LinkedHashMap<>();
		if (component instanceof Map<?, ?> map) {
			for (String key : List.of("name", "type", "version")) {
				Object value = map.get(key);
				summary.put(key, (value != null) ? value : "");
			}
		}
		return summary;
	}

	private static List<?> list(Object value) {
		return (value instanceof List<?> list) ? list : List.of();
	}

}
