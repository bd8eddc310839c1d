package dev.daprspring.actors.client;

import java.util.List;

/**
 * A call to an actor that is already in the chain of calls leading to it, while reentrancy
 * is off for its type: daprd would hold the call until the actor's current turn ends, which
 * waits for this very call, so it is refused before it is made.
 */
public class DaprActorReentrancyException extends IllegalStateException {

	private final List<String> chain;

	public DaprActorReentrancyException(String actorType, String actorId, List<String> chain) {
		super("Actor " + actorType + "/" + actorId + " is already in this chain of calls " + String.join(" -> ", chain)
				+ " and reentrancy is off for " + actorType + ": the call would wait for itself until it times out. "
				+ "Set dapr.actors.reentrancy=true (or dapr.actors.types." + actorType
				+ ".reentrancy=true), or do not call back into the chain");
		this.chain = List.copyOf(chain);
	}

	/** The actors of the chain, as {@code type/id}, the caller last. */
	public List<String> getChain() {
		return this.chain;
	}

}
