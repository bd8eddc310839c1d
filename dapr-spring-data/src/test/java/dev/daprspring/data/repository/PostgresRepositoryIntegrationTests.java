package dev.daprspring.data.repository;

/**
 * The repository contract on state.postgresql v1 (real daprd).
 */
class PostgresRepositoryIntegrationTests extends RepositoryContract {

	@Override
	String store() {
		return "postgres";
	}

	@Override
	boolean allOrNothingTransactions() {
		return true;
	}

}
