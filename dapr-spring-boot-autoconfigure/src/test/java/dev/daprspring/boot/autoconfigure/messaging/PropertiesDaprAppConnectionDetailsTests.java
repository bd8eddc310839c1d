package dev.daprspring.boot.autoconfigure.messaging;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where {@link PropertiesDaprAppConnectionDetails} takes the app API token from.
 */
class PropertiesDaprAppConnectionDetailsTests {

	private final DaprAppProperties properties = new DaprAppProperties();

	private final MockEnvironment environment = new MockEnvironment();

	private final PropertiesDaprAppConnectionDetails details = new PropertiesDaprAppConnectionDetails(
			this.properties, this.environment);

	@Test
	void withNeitherThePropertyNorTheVariableThereIsNoToken() {
		assertThat(this.details.getAppApiToken()).isNull();
	}

	@Test
	void thePropertyWinsOverTheVariable() {
		this.properties.setApiToken("from-property");
		this.environment.setProperty("APP_API_TOKEN", "from-variable");
		assertThat(this.details.getAppApiToken()).isEqualTo("from-property");
	}

	@Test
	void withoutThePropertyTheVariableDaprSetsIsTheToken() {
		this.environment.setProperty("APP_API_TOKEN", "from-variable");
		assertThat(this.details.getAppApiToken()).isEqualTo("from-variable");
	}

	@Test
	void anEmptyPropertyFallsBackToTheVariable() {
		this.properties.setApiToken("");
		this.environment.setProperty("APP_API_TOKEN", "from-variable");
		assertThat(this.details.getAppApiToken()).isEqualTo("from-variable");
	}

	@Test
	void emptyValuesCountAsUnsetSoTheyCannotSwitchTheCheckOff() {
		this.properties.setApiToken("");
		this.environment.setProperty("APP_API_TOKEN", "");
		assertThat(this.details.getAppApiToken()).isNull();
	}

}
