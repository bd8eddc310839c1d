package dev.daprspring.samples.shipping;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Schedules shipments for paid orders. Its configuration is {@code shipping.properties}:
 * it launches its own sidecar with the Redis and secret store components of
 * {@code sample-apps/components}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShippingApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The application as {@code main} runs it. Its configuration file is named after it, so
	 * that it can run next to checkout in one JVM (the two-service test) without the two
	 * reading each other's {@code application.properties}.
	 */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(ShippingApplication.class).properties("spring.config.name=shipping");
	}

}
