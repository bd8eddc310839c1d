package dev.daprspring.boot.autoconfigure.actuate.health;

import java.util.List;

import dev.daprspring.actors.runtime.ActorTypes;
import dev.daprspring.boot.actuate.SidecarProbe;
import dev.daprspring.boot.actuate.health.DaprHealthContribution;
import dev.daprspring.boot.actuate.health.DaprHealthIndicator;
import dev.daprspring.boot.autoconfigure.actuate.SidecarProbeConfiguration;
import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Registers the {@code dapr} health indicator when {@code spring-boot-health} is present
 * ({@code management.health.dapr.enabled=false} turns it off).
 */
@AutoConfiguration(after = DaprClientAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(DaprConnectionDetails.class)
@ConditionalOnEnabledHealthIndicator("dapr")
@Import(SidecarProbeConfiguration.class)
public final class DaprHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "daprHealthIndicator")
	DaprHealthIndicator daprHealthIndicator(SidecarProbe sidecar,
			ObjectProvider<DaprHealthContribution> contributions) {
		DaprHealthIndicator indicator = new DaprHealthIndicator(sidecar);
		indicator.setContributions(contributions.orderedStream().toList());
		return indicator;
	}

	// Member classes are processed first: with actors, this indicator is the one registered.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ActorTypes.class)
	static class ActorsHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "daprHealthIndicator")
		DaprHealthIndicator daprHealthIndicator(SidecarProbe sidecar, ObjectProvider<ActorTypes> types,
				ObjectProvider<DaprHealthContribution> contributions) {
			DaprHealthIndicator indicator = new DaprHealthIndicator(sidecar, () -> {
				ActorTypes hosted = types.getIfAvailable();
				return (hosted != null) ? hosted.names() : List.of();
			});
			indicator.setContributions(contributions.orderedStream().toList());
			return indicator;
		}

	}

}
