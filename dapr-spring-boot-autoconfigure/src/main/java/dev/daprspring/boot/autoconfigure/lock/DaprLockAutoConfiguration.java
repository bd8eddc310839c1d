package dev.daprspring.boot.autoconfigure.lock;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.lock.DaprLockRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * A {@link DaprLockRegistry} on the lock store {@code dapr.lock.store}, when Spring Integration
 * is on the classpath and the application has no {@link LockRegistry} of its own.
 */
@AutoConfiguration(after = DaprClientAutoConfiguration.class)
@ConditionalOnClass(LockRegistry.class)
@ConditionalOnBean(DaprOperations.class)
@ConditionalOnProperty(prefix = "dapr.lock", name = "store")
@EnableConfigurationProperties(DaprLockProperties.class)
public final class DaprLockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(LockRegistry.class)
	DaprLockRegistry daprLockRegistry(DaprOperations dapr, DaprLockProperties properties) {
		String store = properties.getStore();
		DaprLockRegistry registry = new DaprLockRegistry(dapr.locks(), (store != null) ? store : "",
				properties.getExpiry());
		registry.setIdleBetweenTries(properties.getIdleBetweenTries());
		return registry;
	}

}
