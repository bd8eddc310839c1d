package dev.daprspring.boot.sidecar.component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import org.springframework.util.Assert;

/**
 * One Dapr component, rendered as the {@code Component} YAML document that daprd loads
 * from its resources folder. Immutable: the {@code with…} methods return copies.
 *
 * @see DaprComponents for the components this project tests against
 */
public final class DaprComponent {

	private final String name;

	private final String type;

	private final String version;

	private final Map<String, String> metadata;

	private final List<String> scopes;

	private final @Nullable String rawYaml;

	private DaprComponent(String name, String type, String version, Map<String, String> metadata,
			List<String> scopes, @Nullable String rawYaml) {
		Assert.hasText(name, "Component name must not be empty");
		Assert.isTrue(!name.contains("/") && !name.contains(".."),
				() -> "Component name '" + name + "' must not contain '/' or '..'");
		Assert.hasText(type, "Component type must not be empty, for example 'state.in-memory'");
		this.name = name;
		this.type = type;
		this.version = version;
		this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
		this.scopes = List.copyOf(scopes);
		this.rawYaml = rawYaml;
	}

	/**
	 * A component of the given type, version {@code v1}, with no metadata.
	 * @param name the component name apps use, for example {@code statestore}
	 * @param type the component type, for example {@code state.redis}
	 * @return the component
	 */
	public static DaprComponent of(String name, String type) {
		return new DaprComponent(name, type, "v1", Map.of(), List.of(), null);
	}

	/**
	 * A component given as a whole YAML document, written to daprd as it is.
	 * @param yaml a {@code Component} document with {@code metadata.name} and {@code spec.type}
	 * @return the component
	 */
	@SuppressWarnings("unchecked")
	public static DaprComponent fromYaml(String yaml) {
		Object loaded = new Yaml().load(yaml);
		if (!(loaded instanceof Map<?, ?> document)) {
			throw new IllegalArgumentException("Component YAML must be a single mapping document, got: " + yaml);
		}
		Object kind = document.get("kind");
		Map<String, Object> meta = (document.get("metadata") instanceof Map<?, ?> m) ? (Map<String, Object>) m : Map.of();
		Map<String, Object> spec = (document.get("spec") instanceof Map<?, ?> s) ? (Map<String, Object>) s : Map.of();
		if (!"Component".equals(kind) || !(meta.get("name") instanceof String name)
				|| !(spec.get("type") instanceof String type)) {
			throw new IllegalArgumentException(
					"Component YAML needs 'kind: Component', 'metadata.name' and 'spec.type'; got: " + yaml);
		}
		String version = (spec.get("version") != null) ? String.valueOf(spec.get("version")) : "v1";
		return new DaprComponent(name, type, version, Map.of(), List.of(), yaml);
	}

	/** Returns a copy with one more metadata item. */
	public DaprComponent withMetadata(String key, String value) {
		assertNotRaw();
		Map<String, String> copy = new LinkedHashMap<>(this.metadata);
		copy.put(key, value);
		return new DaprComponent(this.name, this.type, this.version, copy, this.scopes, null);
	}

	/** Returns a copy with the given component version, for example {@code v2}. */
	public DaprComponent withVersion(String version) {
		assertNotRaw();
		return new DaprComponent(this.name, this.type, version, this.metadata, this.scopes, null);
	}

	/** Returns a copy visible only to the given app ids. */
	public DaprComponent withScopes(String... appIds) {
		assertNotRaw();
		return new DaprComponent(this.name, this.type, this.version, this.metadata, List.of(appIds), null);
	}

	public String name() {
		return this.name;
	}

	public String type() {
		return this.type;
	}

	public String version() {
		return this.version;
	}

	public Map<String, String> metadata() {
		return this.metadata;
	}

	/** The {@code Component} YAML document daprd reads. */
	public String toYaml() {
		if (this.rawYaml != null) {
			return this.rawYaml;
		}
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("type", this.type);
		spec.put("version", this.version);
		List<Map<String, String>> items = new ArrayList<>();
		this.metadata.forEach((key, value) -> items.add(Map.of("name", key, "value", value)));
		spec.put("metadata", items);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("apiVersion", "dapr.io/v1alpha1");
		document.put("kind", "Component");
		document.put("metadata", Map.of("name", this.name));
		document.put("spec", spec);
		if (!this.scopes.isEmpty()) {
			document.put("scopes", this.scopes);
		}
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		return new Yaml(options).dump(document);
	}

	private void assertNotRaw() {
		Assert.state(this.rawYaml == null, "A component given as YAML is written as it is; edit the YAML instead");
	}

	@Override
	public String toString() {
		return this.name + " (" + this.type + "/" + this.version + ")";
	}

}
