package dev.daprspring.boot.autoconfigure.idempotency;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.boot.autoconfigure.client.DaprStateProperties;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.messaging.idempotency.CloudEventDeduplicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link CloudEventDeduplicator} on the default state store, only when asked for with
 * {@code dapr.messaging.idempotency.enabled=true}.
 */
@AutoConfiguration(after = DaprClientAutoConfiguration.class)
@ConditionalOnClass(CloudEventDeduplicator.class)
@ConditionalOnBean(DaprOperations.class)
@ConditionalOnProperty(prefix = "dapr.messaging.idempotency", name = "enabled", havingValue = "true")
@EnableConfigurationProperties({ DaprIdempotencyProperties.class, DaprStateProperties.class })
public final class DaprIdempotencyAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CloudEventDeduplicator cloudEventDeduplicator(DaprOperations dapr, DaprIdempotencyProperties properties,
			DaprStateProperties state) {
		String store = (properties.getStore() != null) ? properties.getStore() : state.getDefaultStore();
		return new CloudEventDeduplicator(dapr, store, properties.getTtl(), properties.getLease(),
				properties.getKeyPrefix());
	}

}
