package dev.daprspring.boot.autoconfigure.actors.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An application hosting the {@code Counter} actor type, found by component scanning.
 */
@SpringBootApplication
public class CountersApplication {

	@Bean
	Greeter greeter() {
		return new Greeter();
	}

	@Bean
	TurnRecorder turnRecorder() {
		return new TurnRecorder();
	}

	@Bean
	Deactivations deactivations() {
		return new Deactivations();
	}

}
