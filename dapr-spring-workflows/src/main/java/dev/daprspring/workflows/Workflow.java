package dev.daprspring.workflows;

import org.jspecify.annotations.Nullable;

/**
 * A durable workflow: implemented by a
 * {@link dev.daprspring.workflows.annotation.DaprWorkflow @DaprWorkflow} bean.
 * {@link #run} is replayed from the instance's history every time the workflow resumes
 * (after an activity, a timer, an event, a restart), so it must make the same calls in
 * the same order each time: everything non-deterministic (I/O, clocks, random numbers,
 * other beans' state) goes into activities, and time comes from
 * {@link WorkflowContext#currentTime()}.
 *
 * @param <I> the input, converted from JSON with the application's {@code JsonMapper}
 * @param <O> the output
 */
@FunctionalInterface
public interface Workflow<I, O> {

	/**
	 * Runs (or replays) the workflow.
	 * @param context schedules activities, timers, child workflows and event waits
	 * @param input the instance's input, {@code null} when it was scheduled without one
	 * @return the output the instance completes with
	 */
	@Nullable O run(WorkflowContext context, @Nullable I input);

}
