package dev.daprspring.benchmarks.etag;

import dev.daprspring.core.DaprTemplate;
import dev.daprspring.data.repository.EnableDaprRepositories;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;

/** The smallest Spring context that makes {@link CounterRepository} a repository. */
@Configuration(proxyBeanMethods = false)
@EnableDaprRepositories
class CounterRepositories {

	static AnnotationConfigApplicationContext start(DaprTemplate template) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(DaprTemplate.class, () -> template);
		context.register(CounterRepositories.class);
		context.refresh();
		return context;
	}

}
