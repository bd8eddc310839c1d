package dev.daprspring.benchmarks.startup.app;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The application's one endpoint. */
@RestController
class HelloController {

	@GetMapping("/hello")
	String hello() {
		return "hello";
	}

}
