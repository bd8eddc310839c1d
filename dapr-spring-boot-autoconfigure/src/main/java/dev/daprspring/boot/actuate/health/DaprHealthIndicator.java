package dev.daprspring.boot.actuate.health;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.actuate.SidecarProbe;
import dev.daprspring.boot.actuate.SidecarProbeException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP when the sidecar answers {@code /v1.0/healthz} with 204, with its app id, runtime
 * version, components, subscription count and actor runtime (status, placement connection,
 * whether this host takes actors) as details; DOWN with the endpoint and the reason
 * otherwise, and also when this application hosts actor types but the sidecar is not
 * connected to placement (daprd's healthz stays 204 when placement goes away after
 * startup), and when the sidecar refuses the application's API token. Each call waits at most
 * {@code dapr.actuator.timeout} per request.
 */
public final class DaprHealthIndicator implements HealthIndicator {

	private static final String PLACEMENT_CONNECTED = "placement: connected";

	private final SidecarProbe sidecar;

	private final Supplier<Collection<String>> hostedActorTypes;

	private List<DaprHealthContribution> contributions = List.of();

	public DaprHealthIndicator(SidecarProbe sidecar) {
		this(sidecar, List::of);
	}

	/**
	 * @param hostedActorTypes the actor types this application hosts, which need the
	 * sidecar connected to placement
	 */
	public DaprHealthIndicator(SidecarProbe sidecar, Supplier<Collection<String>> hostedActorTypes) {
		this.sidecar = sidecar;
		this.hostedActorTypes = hostedActorTypes;
	}

	/** Parts of the application whose details (and reasons to be DOWN) the health shows. */
	public void setContributions(List<DaprHealthContribution> contributions) {
		this.contributions = List.copyOf(contributions);
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
			Map<String, Object> metadata = this.sidecar.metadata();
			health.withDetails(details(metadata));
			String down = actorsDown(metadata);
			for (DaprHealthContribution contribution : this.contributions) {
				Map<String, Object> details = new LinkedHashMap<>();
				String reason = contribution.contribute(metadata, details);
				health.withDetails(details);
				down = (down != null) ? down : reason;
			}
			if (down != null) {
				health.down().withDetail("reason", down);
			}
		}
		catch (SidecarProbeException ex) {
			if (ex.getStatusCode() == 401) {
				// healthz needs no token, but every call the application makes does: it is down for the app.
				return health.down()
					.withDetail("reason", "The sidecar refuses this application's API token, so every call fails "
							+ "with 401 (" + ex.getMessage() + "). Give the app the token daprd runs with: "
							+ "dapr.client.api-token or DAPR_API_TOKEN")
					.build();
			}
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
			if (actorRuntime.get("placement") != null) {
				details.put("actorPlacement", actorRuntime.get("placement"));
				details.put("actorHostReady", Boolean.TRUE.equals(actorRuntime.get("hostReady")));
			}
		}
		return details;
	}

	// Why actors hosted here cannot be reached, or null when they can (or none are hosted).
	private @Nullable String actorsDown(Map<String, Object> metadata) {
		Collection<String> hosted = this.hostedActorTypes.get();
		if (hosted.isEmpty()) {
			return null;
		}
		Object placement = null;
		Object hostReady = null;
		if (metadata.get("actorRuntime") instanceof Map<?, ?> actorRuntime) {
			placement = actorRuntime.get("placement");
			hostReady = actorRuntime.get("hostReady");
		}
		if (PLACEMENT_CONNECTED.equals(placement) && Boolean.TRUE.equals(hostReady)) {
			return null;
		}
		return "The sidecar is not connected to placement (actor runtime says " + placement + ", hostReady "
				+ hostReady + "): the actor types hosted here " + hosted + " cannot be activated or called. "
				+ "Check that placement runs and that daprd has --placement-host-address (the sidecar's log says "
				+ "why it cannot connect)";
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
