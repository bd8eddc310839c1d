package dev.daprspring.boot.autoconfigure.invoke.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The calling app: no web server, its own sidecar, and the {@link OrderClient} bean. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class CallerApp {

}
