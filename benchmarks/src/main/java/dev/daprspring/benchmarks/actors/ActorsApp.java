package dev.daprspring.benchmarks.actors;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application that hosts {@link EchoActor} (and calls it): a servlet application
 * whose launched daprd gets placement and scheduler because the application hosts actors.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(EchoActor.class)
public class ActorsApp {

}
