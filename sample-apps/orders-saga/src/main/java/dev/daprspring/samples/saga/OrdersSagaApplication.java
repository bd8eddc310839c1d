package dev.daprspring.samples.saga;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Orders placed through a saga: the {@link OrderSaga} workflow reserves stock, takes
 * payment and ships, and undoes what it did when a step fails. With the default
 * {@code application.properties} it launches its own sidecar, and, because it runs a
 * workflow, placement and scheduler beside it.
 */
@SpringBootApplication
@EnableConfigurationProperties(SagaProperties.class)
public class OrdersSagaApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrdersSagaApplication.class, args);
	}

}
