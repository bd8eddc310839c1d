package dev.daprspring.samples.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Places orders and confirms them through Dapr pub/sub. With the default
 * {@code application.properties} it launches its own sidecar with an in-memory state store
 * and pub/sub.
 */
@SpringBootApplication
public class OrdersApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrdersApplication.class, args);
	}

}
