package dev.daprspring.boot.autoconfigure.actors;

import dev.daprspring.actors.annotation.DaprActor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application defines {@link DaprActor} beans: an application that hosts
 * none serves no actor endpoints, and daprd gets the 404 for {@code GET /dapr/config} that
 * tells it so.
 */
final class HostsActorsCondition extends SpringBootCondition implements ConfigurationCondition {

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		String[] actors = (beanFactory != null) ? beanFactory.getBeanNamesForAnnotation(DaprActor.class)
				: new String[0];
		return (actors.length > 0) ? ConditionOutcome.match("@DaprActor beans " + String.join(", ", actors))
				: ConditionOutcome.noMatch("no @DaprActor beans");
	}

}
