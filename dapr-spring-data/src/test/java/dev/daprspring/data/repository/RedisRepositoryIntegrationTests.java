package dev.daprspring.data.repository;

/**
 * The repository contract on state.redis (real daprd).
 */
class RedisRepositoryIntegrationTests extends RepositoryContract {

	@Override
	String store() {
		return "redis";
	}

	@Override
	boolean etagsGuardDeletes() {
		return false;
	}

	@Override
	boolean allOrNothingTransactions() {
		return false;
	}

}
