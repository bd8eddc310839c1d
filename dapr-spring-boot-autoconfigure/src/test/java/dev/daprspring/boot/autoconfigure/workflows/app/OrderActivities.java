package dev.daprspring.boot.autoconfigure.workflows.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.daprspring.workflows.ActivityContext;
import dev.daprspring.workflows.annotation.DaprActivity;
import org.springframework.stereotype.Component;

/**
 * Activities as methods of one bean, counting how often each ran (per input) so tests can
 * tell a replay from a second execution.
 */
@Component
public class OrderActivities {

	private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

	@DaprActivity
	public String reserve(Order order) {
		count("reserve:" + order.id());
		return "R-" + order.id() + "-" + order.items().size();
	}

	@DaprActivity
	public String charge(Order order) {
		count("charge:" + order.id());
		return "P-" + order.amount();
	}

	@DaprActivity(name = "ship")
	public String shipOrder(ActivityContext context, Order order) {
		count("ship:" + order.id());
		return "S-" + order.id() + "@" + context.instanceId();
	}

	@DaprActivity
	public int square(int value) {
		count("square");
		return value * value;
	}

	/** Fails its first two attempts of each call. */
	@DaprActivity
	public int flaky(ActivityContext context) {
		int attempt = count("flaky:" + context.taskExecutionId());
		if (attempt < 3) {
			throw new IllegalStateException("attempt " + attempt + " failed");
		}
		return attempt;
	}

	@DaprActivity
	public String alwaysFails(String card) {
		count("alwaysFails:" + card);
		throw new IllegalStateException("card declined: " + card);
	}

	private int count(String key) {
		return this.runs.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
	}

	public int runs(String key) {
		AtomicInteger count = this.runs.get(key);
		return (count != null) ? count.get() : 0;
	}

}
