package dev.daprspring.boot.autoconfigure.workflows.fleet;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.daprspring.workflows.ActivityContext;
import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.WorkflowContext;
import dev.daprspring.workflows.annotation.DaprActivity;
import dev.daprspring.workflows.annotation.DaprWorkflow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/**
 * One of several instances of an application (one app id) sharing the work of many
 * workflows. The executions of every instance in this JVM are counted in one place.
 */
@SpringBootApplication
public class FleetWorkflowsApplication {

	/** Executions per activity call ("step:instance-id"), over all instances in this JVM. */
	public static final Map<String, AtomicInteger> EXECUTIONS = new ConcurrentHashMap<>();

	/** Which application instance ran the first step of each workflow instance. */
	public static final Map<String, String> STARTED_ON = new ConcurrentHashMap<>();

	/** Slow activities running now, per application instance. */
	public static final Map<String, AtomicInteger> RUNNING_SLOW = new ConcurrentHashMap<>();

	@Component
	static class Steps {

		private final String instance;

		Steps(@Value("${fleet.instance}") String instance) {
			this.instance = instance;
		}

		@DaprActivity
		int first(ActivityContext context, int value) {
			EXECUTIONS.computeIfAbsent("first:" + context.instanceId(), (k) -> new AtomicInteger()).incrementAndGet();
			STARTED_ON.put(context.instanceId(), this.instance);
			return value + 1;
		}

		@DaprActivity
		int last(ActivityContext context, int value) {
			EXECUTIONS.computeIfAbsent("last:" + context.instanceId(), (k) -> new AtomicInteger()).incrementAndGet();
			return value * 10;
		}

		/** Takes a while, so that an instance can be stopped while it runs. */
		@DaprActivity
		int slow(ActivityContext context, int value) throws InterruptedException {
			AtomicInteger running = RUNNING_SLOW.computeIfAbsent(this.instance, (k) -> new AtomicInteger());
			running.incrementAndGet();
			try {
				Thread.sleep(1500);
			}
			finally {
				running.decrementAndGet();
			}
			EXECUTIONS.computeIfAbsent("slow:" + context.instanceId(), (k) -> new AtomicInteger()).incrementAndGet();
			return value;
		}

	}

	/** One slow activity. */
	@DaprWorkflow
	static class SlowWorkflow implements Workflow<Integer, Integer> {

		@Override
		public Integer run(WorkflowContext context, Integer value) {
			return context.callActivity("slow", value, Integer.class).await();
		}

	}

	/** Two activities around a short durable timer. */
	@DaprWorkflow
	static class StepsWorkflow implements Workflow<Integer, Integer> {

		@Override
		public Integer run(WorkflowContext context, Integer value) {
			int first = context.callActivity("first", value, Integer.class).await();
			context.createTimer(Duration.ofSeconds(2)).await();
			return context.callActivity("last", first, Integer.class).await();
		}

	}

}
