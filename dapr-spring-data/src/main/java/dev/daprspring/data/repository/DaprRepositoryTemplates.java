package dev.daprspring.data.repository;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.data.core.DaprKeyValueAdapter;
import dev.daprspring.data.core.DaprKeyValueTemplate;
import dev.daprspring.data.mapping.DaprMappingContext;
import org.springframework.core.env.Environment;

/**
 * One {@link DaprKeyValueTemplate} per state store, shared by the repositories on that store.
 */
public class DaprRepositoryTemplates {

	/** The property naming the store of repositories that name none. */
	public static final String DEFAULT_STORE_PROPERTY = "dapr.data.default-store";

	private final DaprOperations dapr;

	private final DaprMappingContext mappingContext;

	private final JsonMapper jsonMapper;

	private final Environment environment;

	private final Map<String, DaprKeyValueTemplate> templates = new ConcurrentHashMap<>();

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
	 * The template of the store, after checking the sidecar's store supports repositories.
	 * @throws IllegalStateException if it does not, naming what is missing
	 */
	public DaprKeyValueTemplate templateFor(String store, String repository) {
		StoreRequirements.check(this.dapr.metadata(), store, repository);
		return this.templates.computeIfAbsent(store, (name) -> new DaprKeyValueTemplate(
				new DaprKeyValueAdapter(this.dapr.state(name), this.jsonMapper, this.mappingContext),
				this.mappingContext));
	}

}
