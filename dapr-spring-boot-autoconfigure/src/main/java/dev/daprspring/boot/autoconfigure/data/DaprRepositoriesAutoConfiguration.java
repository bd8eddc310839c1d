package dev.daprspring.boot.autoconfigure.data;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.data.repository.DaprRepositoryConfigurationExtension;
import dev.daprspring.data.repository.DaprRepositoryFactoryBean;
import dev.daprspring.data.repository.EnableDaprRepositories;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.data.keyvalue.core.KeyValueTemplate;

/**
 * Auto-configuration for Dapr repositories: {@code @DaprStateRepository} interfaces in the
 * application's packages become repositories. Backs off when the application declares
 * {@code @EnableDaprRepositories} itself.
 */
@AutoConfiguration(after = DaprClientAutoConfiguration.class)
@ConditionalOnClass({ EnableDaprRepositories.class, KeyValueTemplate.class })
@ConditionalOnBean(DaprOperations.class)
@ConditionalOnMissingBean({ DaprRepositoryFactoryBean.class, DaprRepositoryConfigurationExtension.class })
@ConditionalOnBooleanProperty(name = "dapr.data.repositories.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DaprDataProperties.class)
@Import(DaprRepositoriesRegistrar.class)
public final class DaprRepositoriesAutoConfiguration {

}
