package dev.daprspring.boot.autoconfigure.actors.fleet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * One instance of a fleet of applications hosting the {@code Tally} actor type, named by
 * {@code fleet.instance} so a test can tell where each actor is active.
 */
@SpringBootApplication
public class FleetApplication {

	@Bean
	ActiveTallies activeTallies(@Value("${fleet.instance}") String instance) {
		return new ActiveTallies(instance);
	}

}
