package dev.daprspring.boot.autoconfigure.jobs.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application with {@code @DaprJobListener} methods, found by component scanning.
 */
@SpringBootApplication
public class JobsApplication {

}
