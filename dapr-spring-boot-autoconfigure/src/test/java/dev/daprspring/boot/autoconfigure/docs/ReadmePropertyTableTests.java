package dev.daprspring.boot.autoconfigure.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's table of {@code dapr.*} properties is the configuration metadata this module
 * generates: a property added, renamed or given another default fails this test until the
 * table says so (the failure shows the table to paste).
 */
class ReadmePropertyTableTests {

	private static final String START = "<!-- properties:start -->";

	private static final String END = "<!-- properties:end -->";

	@Test
	void theReadmeListsEveryPropertyWithItsDefaultAndDescription() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		int start = readme.indexOf(START);
		int end = readme.indexOf(END);
		assertThat(start).as("README.md has a " + START + " … " + END + " section").isNotNegative();
		String table = readme.substring(start + START.length(), end).strip();
		assertThat(table).isEqualTo(expectedTable());
	}

	private static String expectedTable() throws IOException {
		JsonNode metadata;
		try (InputStream json = ReadmePropertyTableTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = new JsonMapper().readTree(json);
		}
		List<JsonNode> properties = new ArrayList<>();
		metadata.get("properties").forEach((property) -> {
			if (property.get("name").asString().startsWith("dapr.")) {
				properties.add(property);
			}
		});
		properties.sort(Comparator.comparing((JsonNode property) -> property.get("name").asString()));
		StringBuilder table = new StringBuilder("| property | default | what |\n|---|---|---|\n");
		for (JsonNode property : properties) {
			table.append("| `")
				.append(property.get("name").asString())
				.append("` | ")
				.append(defaultValue(property.get("defaultValue")))
				.append(" | ")
				.append(property.has("description")
						? property.get("description").asString().replace("|", "\\|").replace('\n', ' ') : "")
				.append(" |\n");
		}
		return table.toString().strip();
	}

	private static String defaultValue(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(item.asString()));
			return "`" + items.stream().collect(Collectors.joining(",")) + "`";
		}
		return "`" + value.asString() + "`";
	}

}
