package dev.daprspring.benchmarks.workflows;

import dev.daprspring.workflows.annotation.DaprActivity;

/** The activity of the template's workflows, a {@code @DaprActivity} method of a bean. */
public class TemplateActivities {

	static final String STEP = "TemplateStep";

	@DaprActivity(name = STEP)
	public Integer step(Integer value) {
		return value + 1;
	}

}
