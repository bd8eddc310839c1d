package dev.daprspring.workflows.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The workflows and activities this application runs, filled from its beans by
 * {@link WorkflowBeanRegistrar} before the worker starts.
 */
public final class WorkflowRegistry {

	private final Map<String, WorkflowDefinition> workflows = new ConcurrentSkipListMap<>();

	private final Map<String, ActivityDefinition> activities = new ConcurrentSkipListMap<>();

	/** @throws IllegalStateException if a workflow of this name and version is registered already */
	public void register(WorkflowDefinition workflow) {
		WorkflowDefinition existing = this.workflows.putIfAbsent(key(workflow), workflow);
		if (existing != null) {
			throw new IllegalStateException("Two workflows are named '" + workflow.name() + "'"
					+ (workflow.version().isEmpty() ? "" : " with version '" + workflow.version() + "'") + ": "
					+ existing.implementation().getName() + " and " + workflow.implementation().getName()
					+ "; give one another name with @DaprWorkflow(name = ...)");
		}
	}

	/** @throws IllegalStateException if an activity of this name is registered already */
	public void register(ActivityDefinition activity) {
		ActivityDefinition existing = this.activities.putIfAbsent(activity.name(), activity);
		if (existing != null) {
			throw new IllegalStateException("Two activities are named '" + activity.name() + "': "
					+ existing.method().toGenericString() + " and " + activity.method().toGenericString()
					+ "; give one another name with @DaprActivity(name = ...)");
		}
	}

	public Collection<WorkflowDefinition> workflows() {
		return List.copyOf(this.workflows.values());
	}

	public Collection<ActivityDefinition> activities() {
		return List.copyOf(this.activities.values());
	}

	/** The workflows' names, sorted. */
	public Set<String> workflowNames() {
		Set<String> names = new TreeSet<>();
		this.workflows.values().forEach((workflow) -> names.add(workflow.name()));
		return names;
	}

	/** The activities' names, sorted. */
	public Set<String> activityNames() {
		return new TreeSet<>(this.activities.keySet());
	}

	public Optional<ActivityDefinition> activity(String name) {
		return Optional.ofNullable(this.activities.get(name));
	}

	/** The versions registered under this name (one, unversioned, for most workflows). */
	public List<WorkflowDefinition> workflow(String name) {
		List<WorkflowDefinition> found = new ArrayList<>();
		this.workflows.values().stream().filter((workflow) -> workflow.name().equals(name)).forEach(found::add);
		return found;
	}

	public boolean hasWorkflows() {
		return !this.workflows.isEmpty();
	}

	public boolean isEmpty() {
		return this.workflows.isEmpty() && this.activities.isEmpty();
	}

	private static String key(WorkflowDefinition workflow) {
		return workflow.name() + "@" + workflow.version();
	}

}
