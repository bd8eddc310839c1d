package dev.daprspring.samples.checkout;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Takes paid orders and hands them to shipping. Its configuration is
 * {@code checkout.properties}: it launches its own sidecar with the Redis pub/sub of
 * {@code sample-apps/components}.
 */
@SpringBootApplication
public class CheckoutApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The application as {@code main} runs it. Its configuration file is named after it, so
	 * that it can run next to shipping in one JVM (the two-service test) without the two
	 * reading each other's {@code application.properties}.
	 */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(CheckoutApplication.class).properties("spring.config.name=checkout");
	}

}
