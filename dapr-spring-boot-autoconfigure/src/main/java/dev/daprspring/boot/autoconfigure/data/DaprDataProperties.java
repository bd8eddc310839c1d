package dev.daprspring.boot.autoconfigure.data;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of Dapr repositories. {@code default-store} and {@code fail-fast} are read by
 * dapr-spring-data from the environment under the same names, so that explicit
 * {@code @EnableDaprRepositories} setups honour them too; they are declared here for binding
 * checks and IDE metadata.
 */
@ConfigurationProperties("dapr.data")
public class DaprDataProperties {

	/** State store of repositories whose @DaprStateRepository names none; unset for dapr.state.default-store. */
	private @Nullable String defaultStore;

	/** Whether each repository's state store is checked against the sidecar at startup rather than at first use. */
	private boolean failFast;

	private final Repositories repositories = new Repositories();

	private final Transactions transactions = new Transactions();

	public @Nullable String getDefaultStore() {
		return this.defaultStore;
	}

	public void setDefaultStore(@Nullable String defaultStore) {
		this.defaultStore = defaultStore;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	public Repositories getRepositories() {
		return this.repositories;
	}

	public Transactions getTransactions() {
		return this.transactions;
	}

	/**
	 * Repository discovery.
	 */
	public static class Repositories {

		/** Whether @DaprStateRepository interfaces in the application's packages become repositories. */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The transaction manager of repositories.
	 */
	public static class Transactions {

		/** Whether a DaprTransactionManager is registered when the application has no transaction manager. */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
