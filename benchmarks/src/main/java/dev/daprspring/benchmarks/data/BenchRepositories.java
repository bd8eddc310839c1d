package dev.daprspring.benchmarks.data;

import dev.daprspring.core.DaprTemplate;
import dev.daprspring.data.repository.EnableDaprRepositories;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The smallest Spring context that makes {@link OrderRepository} a repository: no Spring
 * Boot, only {@code @EnableDaprRepositories} and the template the benchmark also calls.
 */
@Configuration(proxyBeanMethods = false)
@EnableDaprRepositories
class BenchRepositories {

	static AnnotationConfigApplicationContext start(DaprTemplate template) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(DaprTemplate.class, () -> template);
		context.register(BenchRepositories.class);
		context.refresh();
		return context;
	}

}
