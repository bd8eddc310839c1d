package dev.daprspring.actors.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.daprspring.core.convert.GoDurations;

/**
 * What the app tells the sidecar at {@code GET /dapr/config} about the actors it hosts.
 * (Reminder storage partitions are left out: daprd 1.17 keeps reminders in the scheduler
 * and ignores them with a deprecation warning.)
 *
 * @param idleTimeout how long an actor stays active without calls
 * @param scanInterval how often the sidecar looks for idle actors
 * @param drainOngoingCallTimeout how long calls may run on when actors are rebalanced
 * @param drainRebalancedActors whether to wait for those calls
 * @param reentrancy whether an actor may call itself through a chain of calls
 * @param maxStackDepth how deep such a chain may go
 * @param types settings of single actor types that differ from these
 */
public record ActorRuntimeSettings(Duration idleTimeout, Duration scanInterval, Duration drainOngoingCallTimeout,
		boolean drainRebalancedActors, boolean reentrancy, int maxStackDepth, Map<String, TypeSettings> types) {

	/** Settings that apply to all types alike. */
	public ActorRuntimeSettings(Duration idleTimeout, Duration scanInterval, Duration drainOngoingCallTimeout,
			boolean drainRebalancedActors, boolean reentrancy, int maxStackDepth) {
		this(idleTimeout, scanInterval, drainOngoingCallTimeout, drainRebalancedActors, reentrancy, maxStackDepth,
				Map.of());
	}

	/** Whether calls of this type may re-enter an actor already in the chain of calls. */
	public boolean reentrancy(String type) {
		TypeSettings settings = this.types.get(type);
		return (settings != null && settings.reentrancy() != null) ? settings.reentrancy() : this.reentrancy;
	}

	/** The document daprd reads, for these actor types. */
	public Map<String, Object> document(Collection<String> types) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("entities", types);
		document.put("actorIdleTimeout", GoDurations.format(this.idleTimeout));
		document.put("actorScanInterval", GoDurations.format(this.scanInterval));
		document.put("drainOngoingCallTimeout", GoDurations.format(this.drainOngoingCallTimeout));
		document.put("drainRebalancedActors", this.drainRebalancedActors);
		document.put("reentrancy", reentrancyDocument(this.reentrancy, this.maxStackDepth));
		List<Map<String, Object>> perType = new ArrayList<>();
		this.types.forEach((type, settings) -> {
			if (types.contains(type)) {
				perType.add(settings.document(type, this));
			}
		});
		if (!perType.isEmpty()) {
			document.put("entitiesConfig", perType);
		}
		return document;
	}

	private static Map<String, Object> reentrancyDocument(boolean enabled, int maxStackDepth) {
		Map<String, Object> reentrancy = new LinkedHashMap<>();
		reentrancy.put("enabled", enabled);
		if (enabled) {
			reentrancy.put("maxStackDepth", maxStackDepth);
		}
		return reentrancy;
	}

	/**
	 * Settings of one actor type; {@code null} takes the value for all types.
	 *
	 * @param idleTimeout how long an actor of this type stays active without calls
	 * @param drainOngoingCallTimeout how long its calls may run on when it is rebalanced
	 * @param drainRebalancedActors whether to wait for those calls
	 * @param reentrancy whether it may be called again from within a chain of calls it started
	 * @param maxStackDepth how deep such a chain may go
	 */
	public record TypeSettings(@Nullable Duration idleTimeout, @Nullable Duration drainOngoingCallTimeout,
			@Nullable Boolean drainRebalancedActors, @Nullable Boolean reentrancy, @Nullable Integer maxStackDepth) {

		// daprd takes an entry's settings as a whole, so every field is written, inherited or not.
		Map<String, Object> document(String type, ActorRuntimeSettings all) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("entities", List.of(type));
			document.put("actorIdleTimeout",
					GoDurations.format((this.idleTimeout != null) ? this.idleTimeout : all.idleTimeout()));
			document.put("drainOngoingCallTimeout", GoDurations.format((this.drainOngoingCallTimeout != null)
					? this.drainOngoingCallTimeout : all.drainOngoingCallTimeout()));
			document.put("drainRebalancedActors", (this.drainRebalancedActors != null) ? this.drainRebalancedActors
					: all.drainRebalancedActors());
			document.put("reentrancy", reentrancyDocument(all.reentrancy(type),
					(this.maxStackDepth != null) ? this.maxStackDepth : all.maxStackDepth()));
			return document;
		}

	}

}
