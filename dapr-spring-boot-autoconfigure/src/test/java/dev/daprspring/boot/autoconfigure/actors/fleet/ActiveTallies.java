package dev.daprspring.boot.autoconfigure.actors.fleet;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the {@code Tally} actors active on this application instance, kept by their
 * activation and deactivation callbacks.
 */
public class ActiveTallies {

	private final String instance;

	private final Set<String> ids = ConcurrentHashMap.newKeySet();

	ActiveTallies(String instance) {
		this.instance = instance;
	}

	public String instance() {
		return this.instance;
	}

	public Set<String> ids() {
		return Set.copyOf(this.ids);
	}

	void activated(String id) {
		this.ids.add(id);
	}

	void deactivated(String id) {
		this.ids.remove(id);
	}

}
