package dev.daprspring.boot.autoconfigure.data;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.boot.autoconfigure.data.app.BookRepository;
import dev.daprspring.boot.autoconfigure.data.app.BooksPackage;
import dev.daprspring.boot.autoconfigure.data.explicit.ExplicitRepositoriesConfiguration;
import dev.daprspring.boot.autoconfigure.data.explicit.NoteRepository;
import dev.daprspring.data.repository.DaprRepositoryTemplates;
import dev.daprspring.data.repository.EnableDaprRepositories;
import dev.daprspring.data.transaction.DaprTransactionManager;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.TransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which repositories the auto-configuration registers. No sidecar runs here: repositories
 * check their store at first use, so the contexts start without one.
 */
class DaprRepositoriesAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DaprClientAutoConfiguration.class,
				DaprRepositoriesAutoConfiguration.class, DaprTransactionManagerAutoConfiguration.class))
		.withPropertyValues("dapr.client.http-endpoint=http://127.0.0.1:1",
				"dapr.client.grpc-endpoint=http://127.0.0.1:1");

	@Test
	void annotatedRepositoriesInTheApplicationPackagesAreRegistered() {
		this.contextRunner.withUserConfiguration(BooksPackage.class).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(BookRepository.class)
				.hasSingleBean(DaprDataProperties.class);
			assertThat(context).getBean("bookRepository").isInstanceOf(BookRepository.class);
			assertThat(context.getBean(DaprRepositoryTemplates.class).defaultStore()).isEqualTo("statestore");
		});
	}

	@Test
	void theDefaultStoreComesFromDaprDataDefaultStore() {
		this.contextRunner.withUserConfiguration(BooksPackage.class)
			.withPropertyValues("dapr.data.default-store=books", "dapr.state.default-store=other")
			.run((context) -> {
				assertThat(context.getBean(DaprDataProperties.class).getDefaultStore()).isEqualTo("books");
				assertThat(context.getBean(DaprRepositoryTemplates.class).defaultStore()).isEqualTo("books");
			});
	}

	@Test
	void withoutDaprDataDefaultStoreTheStateDefaultStoreIsUsed() {
		this.contextRunner.withUserConfiguration(BooksPackage.class)
			.withPropertyValues("dapr.state.default-store=other")
			.run((context) -> assertThat(context.getBean(DaprRepositoryTemplates.class).defaultStore())
				.isEqualTo("other"));
	}

	@Test
	void disabledByProperty() {
		this.contextRunner.withUserConfiguration(BooksPackage.class)
			.withPropertyValues("dapr.data.repositories.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(BookRepository.class)
				.doesNotHaveBean(DaprRepositoryTemplates.class)
				.doesNotHaveBean(DaprDataProperties.class));
	}

	@Test
	void backsOffWhenTheApplicationEnablesRepositoriesItself() {
		this.contextRunner.withUserConfiguration(BooksPackage.class, ExplicitRepositoriesConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(NoteRepository.class)
				.doesNotHaveBean(BookRepository.class)
				.doesNotHaveBean(DaprDataProperties.class));
	}

	@Test
	void withoutTheDataModuleNothingIsRegistered() {
		this.contextRunner.withUserConfiguration(BooksPackage.class)
			.withClassLoader(new FilteredClassLoader(EnableDaprRepositories.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DaprRepositoriesAutoConfiguration.class)
				.doesNotHaveBean(DaprRepositoryTemplates.class)
				.doesNotHaveBean(BookRepository.class));
	}

	@Test
	void aTransactionManagerNamedTransactionManagerIsRegistered() {
		this.contextRunner.withUserConfiguration(BooksPackage.class)
			.run((context) -> assertThat(context).hasSingleBean(DaprTransactionManager.class)
				.getBean("transactionManager")
				.isInstanceOf(DaprTransactionManager.class));
	}

	@Test
	void theTransactionManagerComesWithExplicitRepositoriesToo() {
		this.contextRunner.withUserConfiguration(ExplicitRepositoriesConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(DaprTransactionManager.class));
	}

	@Test
	void theTransactionManagerBacksOffForTheApplicationsOwn() {
		TransactionManager own = new TransactionManager() {
		};
		this.contextRunner.withUserConfiguration(BooksPackage.class)
			.withBean("myTransactionManager", TransactionManager.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(DaprTransactionManager.class)
				.getBean(TransactionManager.class)
				.isSameAs(own));
	}

	@Test
	void theTransactionManagerIsDisabledByProperty() {
		this.contextRunner.withUserConfiguration(BooksPackage.class)
			.withPropertyValues("dapr.data.transactions.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(BookRepository.class)
				.doesNotHaveBean(DaprTransactionManager.class));
	}

	@Test
	void withoutRepositoriesThereIsNoTransactionManager() {
		this.contextRunner.withUserConfiguration(BooksPackage.class)
			.withPropertyValues("dapr.data.repositories.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DaprTransactionManager.class));
	}

}
