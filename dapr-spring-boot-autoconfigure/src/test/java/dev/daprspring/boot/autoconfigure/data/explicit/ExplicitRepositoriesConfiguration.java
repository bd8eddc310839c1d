package dev.daprspring.boot.autoconfigure.data.explicit;

import dev.daprspring.data.repository.EnableDaprRepositories;
import org.springframework.context.annotation.Configuration;

/** Declares its repositories itself: the auto-configuration backs off. */
@Configuration(proxyBeanMethods = false)
@EnableDaprRepositories
public class ExplicitRepositoriesConfiguration {

}
