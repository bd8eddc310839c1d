package dev.daprspring.boot.sidecar.component;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DaprComponentTests {

	@Test
	@SuppressWarnings("unchecked")
	void rendersAComponentDocumentDaprdUnderstands() {
		DaprComponent component = DaprComponents.redisState("orders", "127.0.0.1:6380")
			.withMetadata("actorStateStore", "true")
			.withScopes("orders-app");
		Map<String, Object> document = new Yaml().load(component.toYaml());
		assertThat(document).containsEntry("apiVersion", "dapr.io/v1alpha1")
			.containsEntry("kind", "Component")
			.containsEntry("metadata", Map.of("name", "orders"))
			.containsEntry("scopes", List.of("orders-app"));
		Map<String, Object> spec = (Map<String, Object>) document.get("spec");
		assertThat(spec).containsEntry("type", "state.redis").containsEntry("version", "v1");
		assertThat((List<Map<String, String>>) spec.get("metadata")).containsExactly(
				Map.of("name", "redisHost", "value", "127.0.0.1:6380"), Map.of("name", "redisPassword", "value", ""),
				Map.of("name", "actorStateStore", "value", "true"));
	}

	@Test
	void filePathsAreWrittenAbsolute() {
		DaprComponent secrets = DaprComponents.localFileSecretStore("secrets", Path.of("secrets.json"));
		assertThat(secrets.metadata().get("secretsFile")).isEqualTo(Path.of("secrets.json").toAbsolutePath().toString());
	}

	@Test
	void rawYamlIsKeptAsItIsAndItsNameAndTypeAreRead() {
		String yaml = """
				apiVersion: dapr.io/v1alpha1
				kind: Component
				metadata:
				  name: custom
				spec:
				  type: state.sqlite
				  version: v1
				  metadata:
				  - name: connectionString
				    value: "file:test.db"
				""";
		DaprComponent component = DaprComponent.fromYaml(yaml);
		assertThat(component.name()).isEqualTo("custom");
		assertThat(component.type()).isEqualTo("state.sqlite");
		assertThat(component.toYaml()).isEqualTo(yaml);
		assertThatIllegalStateException().isThrownBy(() -> component.withMetadata("a", "b"))
			.withMessageContaining("edit the YAML");
	}

	@Test
	void yamlThatIsNotAComponentIsRejectedWithWhatIsMissing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DaprComponent.fromYaml("kind: Configuration\nmetadata:\n  name: x\n"))
			.withMessageContaining("'kind: Component', 'metadata.name' and 'spec.type'");
		assertThatIllegalArgumentException().isThrownBy(() -> DaprComponent.fromYaml("- a\n- b\n"))
			.withMessageContaining("single mapping");
	}

	@Test
	void namesThatWouldEscapeTheResourcesFolderAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> DaprComponent.of("../evil", "state.in-memory"))
			.withMessageContaining("must not contain");
		assertThatIllegalArgumentException().isThrownBy(() -> DaprComponent.of("ok", " "))
			.withMessageContaining("state.in-memory");
	}

}
