package dev.daprspring.boot.autoconfigure.actuate.sanitize;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@link DaprSanitizingFunction} that the actuator's {@code env} and
 * {@code configprops} endpoints apply to every value.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class DaprSanitizingAutoConfiguration {

	@Bean
	DaprSanitizingFunction daprSanitizingFunction() {
		return new DaprSanitizingFunction();
	}

}
