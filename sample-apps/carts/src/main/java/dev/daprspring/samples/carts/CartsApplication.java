package dev.daprspring.samples.carts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Shopping carts as Dapr actors. With the default {@code application.properties} it launches
 * its own sidecar, and, because it hosts an actor type, placement and scheduler beside it.
 */
@SpringBootApplication
@EnableConfigurationProperties(CartsProperties.class)
public class CartsApplication {

	public static void main(String[] args) {
		SpringApplication.run(CartsApplication.class, args);
	}

}
