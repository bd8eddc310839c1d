package dev.daprspring.workflows.runtime;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkflowDataConverterTests {

	private final WorkflowDataConverter converter = new WorkflowDataConverter(new JsonMapper());

	record Item(String name, int quantity) {
	}

	@Test
	void valuesAreJsonEvenWhenTheyAreStrings() {
		assertThat(this.converter.serialize("a")).isEqualTo("\"a\"");
		assertThat(this.converter.serialize(new Item("pen", 2))).isEqualTo("{\"name\":\"pen\",\"quantity\":2}");
		assertThat(this.converter.serialize(null)).isNull();
	}

	@Test
	void genericTypesAreReadWithTheirElementType() {
		List<Item> items = this.converter.read("[{\"name\":\"pen\",\"quantity\":2}]",
				new ParameterizedTypeReference<List<Item>>() {
				}.getType(), "the input");
		assertThat(items).containsExactly(new Item("pen", 2));
	}

	@Test
	void rawJsonIsHandedOnAsItIs() {
		WorkflowDataConverter.RawJson raw = this.converter.deserialize("{\"a\":1}", WorkflowDataConverter.RawJson.class);
		assertThat(raw.json()).isEqualTo("{\"a\":1}");
		assertThat(this.converter.serialize(raw)).isEqualTo("{\"a\":1}");
	}

	@Test
	void whatDoesNotConvertIsNamedWithTheTypeAndTheJson() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.converter.read("{\"name\":\"pen\",\"quantity\":\"lots\"}", Item.class,
					"the input of workflow 'order'"))
			.withMessageStartingWith("Cannot convert the input of workflow 'order' to "
					+ "dev.daprspring.workflows.runtime.WorkflowDataConverterTests$Item: ")
			.withMessageEndingWith("(JSON was {\"name\":\"pen\",\"quantity\":\"lots\"})");
	}

}
