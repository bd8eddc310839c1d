package dev.daprspring.boot.autoconfigure.actors.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The ids of actors whose activation ended, in order. */
public class Deactivations {

	private final List<String> ids = new CopyOnWriteArrayList<>();

	void add(String id) {
		this.ids.add(id);
	}

	public List<String> ids() {
		return this.ids;
	}

}
