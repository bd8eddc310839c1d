package dev.daprspring.samples.hello;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HelloController {

	private final VisitCounter counter;

	HelloController(VisitCounter counter) {
		this.counter = counter;
	}

	@GetMapping("/hello/{name}")
	Map<String, Object> hello(@PathVariable String name) {
		return Map.of("greeting", "Hello, " + name + "!", "visits", this.counter.increment("visits-" + name));
	}

}
