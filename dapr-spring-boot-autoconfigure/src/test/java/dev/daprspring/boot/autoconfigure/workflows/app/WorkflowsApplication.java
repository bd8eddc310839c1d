package dev.daprspring.boot.autoconfigure.workflows.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An application running the workflows and activities of this package, found by
 * component scanning.
 */
@SpringBootApplication
public class WorkflowsApplication {

	@Bean
	ExecutionRecorder executionRecorder() {
		return new ExecutionRecorder();
	}

}
