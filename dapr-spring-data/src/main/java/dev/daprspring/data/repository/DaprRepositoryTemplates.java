package dev.daprspring.data.repository;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.metadata.SidecarMetadata.Component;
import dev.daprspring.data.core.DaprKeyValueAdapter;
import dev.daprspring.data.core.DaprKeyValueTemplate;
import dev.daprspring.data.mapping.DaprMappingContext;
import org.springframework.core.env.Environment;

/**
 * One {@link DaprKeyValueTemplate} per state store, shared by the repositories on that store.
 * The store's capabilities are checked against the sidecar's metadata before its first
 * operation, so the application starts while the sidecar is not up yet; with
 * {@code dapr.data.fail-fast=true} they are checked when the repository is created instead.
 */
public class DaprRepositoryTemplates {

	/** The property naming the store of repositories that name none. */
	public static final String DEFAULT_STORE_PROPERTY = "dapr.data.default-store";

	/** The property that makes the store check run at startup rather than at first use. */
	public static final String FAIL_FAST_PROPERTY = "dapr.data.fail-fast";

	private static final String QUERY_API = "QUERY_API";

	// Stores known (by the contract tests) to reject a write whose ETag names a key deleted since.
	private static final Set<String> ETAGS_GUARD_DELETES = Set.of("state.in-memory", "state.postgresql/v1");

	private final DaprOperations dapr;

	private final DaprMappingContext mappingContext;

	private final JsonMapper jsonMapper;

	private final Environment environment;

	private final Map<String, DaprKeyValueTemplate> templates = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> repositories = new ConcurrentHashMap<>();

	public DaprRepositoryTemplates(DaprOperations dapr, DaprMappingContext mappingContext, Environment environment) {
		this.dapr = dapr;
		this.mappingContext = mappingContext;
		this.environment = environment;
		// Entities are written with the JSON mapper of the DaprTemplate, so a repository and the
		// template read and write the same JSON.
		this.jsonMapper = (dapr instanceof DaprTemplate template) ? template.getConverter().getJsonMapper()
				: JsonMapper.builder().build();
	}

	/** The mapping context shared by all Dapr repositories. */
	public DaprMappingContext mappingContext() {
		return this.mappingContext;
	}

	/** The store a repository uses when it names none. */
	public String defaultStore() {
		String store = this.environment.getProperty(DEFAULT_STORE_PROPERTY);
		return (store != null && !store.isEmpty()) ? store : this.dapr.state().storeName();
	}

	/**
	 * The template of the store, for the named repository. Checks the store now with
	 * {@code dapr.data.fail-fast=true}, else before the template's first operation.
	 * @throws org.springframework.dao.InvalidDataAccessResourceUsageException if fail-fast is on
	 * and the store cannot back repositories, naming what is missing
	 */
	public DaprKeyValueTemplate templateFor(String store, String repository) {
		this.repositories.computeIfAbsent(store, (name) -> new CopyOnWriteArraySet<>()).add(repository);
		DaprKeyValueTemplate template = this.templates.computeIfAbsent(store, (name) -> {
			DaprKeyValueAdapter adapter = new DaprKeyValueAdapter(this.dapr.state(name), this.jsonMapper,
					this.mappingContext);
			return new DaprKeyValueTemplate(adapter, this.mappingContext, () -> {
				Component component = StoreRequirements.check(this.dapr.metadata(), name, this.repositories.get(name));
				// Derived queries go to the state query API on stores that have it.
				adapter.setQueryApi(component.hasCapability(QUERY_API));
				adapter.setEtagsGuardDeletes(ETAGS_GUARD_DELETES.contains(component.type())
						|| ETAGS_GUARD_DELETES.contains(component.type() + "/" + component.version()));
			});
		});
		if (this.environment.getProperty(FAIL_FAST_PROPERTY, Boolean.class, false)) {
			template.checkStore();
		}
		return template;
	}

}
