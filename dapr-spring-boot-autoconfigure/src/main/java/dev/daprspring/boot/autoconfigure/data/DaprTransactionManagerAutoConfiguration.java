package dev.daprspring.boot.autoconfigure.data;

import dev.daprspring.data.repository.DaprRepositoryTemplates;
import dev.daprspring.data.transaction.DaprTransactionManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.keyvalue.core.KeyValueTemplate;
import org.springframework.transaction.TransactionManager;

/**
 * Auto-configuration of a {@link DaprTransactionManager} named {@code transactionManager} when
 * the application has Dapr repositories (found by the auto-configuration or by its own
 * {@code @EnableDaprRepositories}) and no transaction manager of its own, so that
 * {@code @Transactional} (with {@code @EnableTransactionManagement}, or Boot's
 * spring-boot-transaction module that enables it) buffers repository writes.
 */
// After the JDBC and JPA transaction managers, so that an application that has one keeps it.
@AutoConfiguration(after = DaprRepositoriesAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
				"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" },
		beforeName = "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration")
@ConditionalOnClass({ DaprTransactionManager.class, KeyValueTemplate.class, TransactionManager.class })
@ConditionalOnBean(DaprRepositoryTemplates.class)
@ConditionalOnMissingBean(TransactionManager.class)
@ConditionalOnBooleanProperty(name = "dapr.data.transactions.enabled", matchIfMissing = true)
public final class DaprTransactionManagerAutoConfiguration {

	@Bean
	DaprTransactionManager transactionManager() {
		return new DaprTransactionManager();
	}

}
