package dev.daprspring.boot.autoconfigure.secret;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How secrets become property names.
 */
class SecretPropertyNamesTests {

	@Test
	void aSingleValueNamedLikeItsSecretIsOneProperty() {
		assertThat(SecretPropertyNames.toProperties(Map.of("api-key", Map.of("api-key", "k"))))
			.isEqualTo(Map.of("api-key", "k"));
	}

	@Test
	void otherValuesAreNestedUnderTheSecret() {
		assertThat(SecretPropertyNames.toProperties(Map.of("db", Map.of("user", "app", "password", "pw"))))
			.isEqualTo(Map.of("db.user", "app", "db.password", "pw"));
		assertThat(SecretPropertyNames.toProperties(Map.of("token", Map.of("value", "t"))))
			.isEqualTo(Map.of("token.value", "t"));
	}

	@Test
	void colonsOfNestedLocalSecretsBecomeDots() {
		assertThat(SecretPropertyNames.toProperties(Map.of("db:user", Map.of("db:user", "app"), "app",
				Map.of("conn:host", "h"))))
			.isEqualTo(Map.of("db.user", "app", "app.conn.host", "h"));
	}

}
