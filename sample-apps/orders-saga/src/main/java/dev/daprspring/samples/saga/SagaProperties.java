package dev.daprspring.samples.saga;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the services the saga calls, under {@code saga.}.
 *
 * @param stock the quantity of each item the inventory starts with
 * @param paymentLimit the largest amount a payment is accepted for
 * @param shipsTo the countries shipping delivers to
 */
@ConfigurationProperties("saga")
public record SagaProperties(Map<String, Integer> stock, @DefaultValue("500") int paymentLimit,
		@DefaultValue("DE,FR,NL,BE") List<String> shipsTo) {

	public SagaProperties {
		stock = (stock != null) ? Map.copyOf(stock) : Map.of();
	}

}
