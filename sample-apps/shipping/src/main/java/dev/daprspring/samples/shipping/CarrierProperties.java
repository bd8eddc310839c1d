package dev.daprspring.samples.shipping;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The carrier account shipments go out on, imported from the secret store
 * ({@code spring.config.import=dapr:secretstore/shipping-secrets/carrier}).
 *
 * @param account the carrier account, value {@code account} of secret {@code carrier}
 * @param apiKey the carrier API key, value {@code api-key} of secret {@code carrier}
 */
@ConfigurationProperties("carrier")
@Validated
public record CarrierProperties(@NotBlank String account, @NotBlank String apiKey) {

	@Override
	public String toString() {
		// Never print the key.
		return "CarrierProperties[account=" + this.account + "]";
	}

}
