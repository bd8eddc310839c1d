package dev.daprspring.boot.autoconfigure.badinput.startup.unreachable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** An application with one repository, its store checked at startup with {@code dapr.data.fail-fast}. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class NotesApp {

}
