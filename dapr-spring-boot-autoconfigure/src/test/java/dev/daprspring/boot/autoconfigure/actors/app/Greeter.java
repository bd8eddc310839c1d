package dev.daprspring.boot.autoconfigure.actors.app;

/** An application bean the actor is given by constructor injection. */
public class Greeter {

	public String greet(String name) {
		return "Hello " + name;
	}

}
