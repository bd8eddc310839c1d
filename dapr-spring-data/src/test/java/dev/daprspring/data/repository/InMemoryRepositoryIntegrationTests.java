package dev.daprspring.data.repository;

/**
 * The repository contract on state.in-memory (real daprd).
 */
class InMemoryRepositoryIntegrationTests extends RepositoryContract {

	@Override
	String store() {
		return "memory";
	}

}
