package dev.daprspring.samples.hello;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A web app that keeps a visit counter in a Dapr state store. With the default
 * {@code application.properties} it launches its own sidecar with in-memory components.
 */
@SpringBootApplication
public class HelloDaprApplication {

	public static void main(String[] args) {
		SpringApplication.run(HelloDaprApplication.class, args);
	}

}
