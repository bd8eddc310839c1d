package dev.daprspring.workflows.runtime;

import java.lang.reflect.Type;

import dev.daprspring.workflows.Workflow;

/**
 * One {@code @DaprWorkflow} bean.
 *
 * @param name the name it is scheduled by
 * @param version its version, empty when it has one implementation
 * @param latest whether new instances start on this version
 * @param implementation the bean's class
 * @param inputType the input type declared by its {@code Workflow<I, O>}
 * @param workflow the bean
 */
public record WorkflowDefinition(String name, String version, boolean latest, Class<?> implementation,
		Type inputType, Workflow<Object, Object> workflow) {
}
