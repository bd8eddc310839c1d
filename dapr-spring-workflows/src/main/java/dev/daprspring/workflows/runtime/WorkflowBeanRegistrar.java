package dev.daprspring.workflows.runtime;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Map;

import dev.daprspring.workflows.Workflow;
import dev.daprspring.workflows.annotation.DaprActivity;
import dev.daprspring.workflows.annotation.DaprWorkflow;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.StringUtils;

/**
 * Registers {@code @DaprWorkflow} beans and {@code @DaprActivity} methods in the
 * {@link WorkflowRegistry} as the beans are initialised.
 */
public final class WorkflowBeanRegistrar implements BeanPostProcessor {

	private final WorkflowRegistry registry;

	public WorkflowBeanRegistrar(WorkflowRegistry registry) {
		this.registry = registry;
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> type = AopUtils.getTargetClass(bean);
		DaprWorkflow workflow = AnnotatedElementUtils.findMergedAnnotation(type, DaprWorkflow.class);
		if (workflow != null) {
			if (!(bean instanceof Workflow<?, ?> implementation)) {
				throw new IllegalStateException("@DaprWorkflow class " + type.getName() + " does not implement "
						+ Workflow.class.getName() + "<I, O>");
			}
			String name = StringUtils.hasText(workflow.name()) ? workflow.name() : type.getSimpleName();
			ResolvableType input = ResolvableType.forClass(Workflow.class, type).getGeneric(0);
			// Raw or unresolvable: the input is read as whatever the JSON is.
			Type inputType = (input.resolve() != null) ? input.getType() : Object.class;
			this.registry.register(new WorkflowDefinition(name, workflow.version(), workflow.latest(), type,
					inputType, (Workflow<Object, Object>) implementation));
		}
		// Spring's quick answer for classes that cannot carry the annotation (java.*, say).
		if (!AnnotationUtils.isCandidateClass(type, DaprActivity.class)) {
			return bean;
		}
		Map<Method, DaprActivity> activities = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<DaprActivity>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, DaprActivity.class));
		activities.forEach((method, activity) -> {
			String name = StringUtils.hasText(activity.name()) ? activity.name() : method.getName();
			this.registry.register(ActivityDefinition.of(name, bean, AopUtils.selectInvocableMethod(method, bean.getClass())));
		});
		return bean;
	}

}
