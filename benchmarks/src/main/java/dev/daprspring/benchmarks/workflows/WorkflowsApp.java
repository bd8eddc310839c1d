package dev.daprspring.benchmarks.workflows;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application that runs the template's workflows: no web server; because its package
 * holds {@code @DaprWorkflow} classes, its launched daprd gets placement and scheduler.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ TemplateChain.class, TemplateFanOut.class, TemplateActivities.class })
public class WorkflowsApp {

}
