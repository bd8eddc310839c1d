package dev.daprspring.actors.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the app tells the sidecar at {@code GET /dapr/config} about the actors it hosts.
 *
 * @param idleTimeout how long an actor stays active without calls
 * @param scanInterval how often the sidecar looks for idle actors
 * @param drainOngoingCallTimeout how long calls may run on when actors are rebalanced
 * @param drainRebalancedActors whether to wait for those calls
 * @param reentrancy whether an actor may call itself through a chain of calls
 * @param maxStackDepth how deep such a chain may go
 */
public record ActorRuntimeSettings(Duration idleTimeout, Duration scanInterval, Duration drainOngoingCallTimeout,
		boolean drainRebalancedActors, boolean reentrancy, int maxStackDepth) {

	/** The document daprd reads, for these actor types. */
	public Map<String, Object> document(Collection<String> types) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("entities", types);
		document.put("actorIdleTimeout", goDuration(this.idleTimeout));
		document.put("actorScanInterval", goDuration(this.scanInterval));
		document.put("drainOngoingCallTimeout", goDuration(this.drainOngoingCallTimeout));
		document.put("drainRebalancedActors", this.drainRebalancedActors);
		Map<String, Object> reentrancy = new LinkedHashMap<>();
		reentrancy.put("enabled", this.reentrancy);
		if (this.reentrancy) {
			reentrancy.put("maxStackDepth", this.maxStackDepth);
		}
		document.put("reentrancy", reentrancy);
		return document;
	}

	// daprd parses these (and timer and reminder times) with Go's time.ParseDuration.
	static String goDuration(Duration duration) {
		return duration.toMillis() + "ms";
	}

}
