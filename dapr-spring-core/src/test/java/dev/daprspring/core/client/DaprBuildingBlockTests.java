package dev.daprspring.core.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DaprBuildingBlockTests {

	@Test
	void isNamedAsCallsNameIt() {
		assertThat(DaprBuildingBlock.PUBSUB.id()).isEqualTo("pubsub");
		assertThat(DaprBuildingBlock.of("secrets")).isSameAs(DaprBuildingBlock.SECRETS);
		assertThat(DaprBuildingBlock.of("workflows")).isSameAs(DaprBuildingBlock.WORKFLOWS);
		assertThat(DaprBuildingBlock.of("invoke")).isNull();
	}

	@Test
	void namesItsComponentsAndTheirTypes() {
		assertThat(DaprBuildingBlock.SECRETS.componentKind()).isEqualTo("secret store");
		assertThat(DaprBuildingBlock.SECRETS.componentTypePrefix()).isEqualTo("secretstores.");
		assertThat(DaprBuildingBlock.BINDINGS.componentKind()).isEqualTo("output binding");
	}

	@Test
	void aBlockWithoutComponentsNamesAnyComponent() {
		assertThat(DaprBuildingBlock.ACTORS.componentKind()).isEqualTo("component");
		assertThat(DaprBuildingBlock.ACTORS.componentTypePrefix()).isEmpty();
	}

}
