package dev.daprspring.samples.carts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * What the carts of this application instance did: which are active here (an actor instance
 * exists between its activation and its deactivation) and how often each was abandoned.
 * The {@code Cart} actors get it by constructor injection.
 */
@Component
public class CartActivity {

	private final Set<String> active = ConcurrentHashMap.newKeySet();

	private final Map<String, Long> abandoned = new ConcurrentHashMap<>();

	void activated(String customer) {
		this.active.add(customer);
	}

	void deactivated(String customer) {
		this.active.remove(customer);
	}

	void abandoned(String customer) {
		this.abandoned.merge(customer, 1L, Long::sum);
	}

	/** A copy of the activity so far, customers sorted. */
	public Snapshot snapshot() {
		return new Snapshot(this.active.stream().sorted().toList(), new TreeMap<>(this.abandoned));
	}

	/**
	 * The answer of {@code GET /carts}.
	 *
	 * @param active the customers whose cart actor is active in this instance
	 * @param abandoned per customer, how many times this instance emptied their abandoned cart
	 */
	public record Snapshot(List<String> active, Map<String, Long> abandoned) {
	}

}
