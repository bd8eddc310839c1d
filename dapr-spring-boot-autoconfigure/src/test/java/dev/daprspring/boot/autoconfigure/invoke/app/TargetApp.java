package dev.daprspring.boot.autoconfigure.invoke.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The app being called: a web app with its own sidecar. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(OrderController.class)
public class TargetApp {

}
