package dev.daprspring.data.repository;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A test entity with final fields: its id set by a wither, its version by its constructor. */
public final class Ticket {

	@Id
	private final String id;

	private final String title;

	@Version
	private final Long version;

	public Ticket(String id, String title, Long version) {
		this.id = id;
		this.title = title;
		this.version = version;
	}

	public Ticket withId(String id) {
		return new Ticket(id, this.title, this.version);
	}

	public Ticket withTitle(String title) {
		return new Ticket(this.id, title, this.version);
	}

	public String getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public Long getVersion() {
		return this.version;
	}

}
