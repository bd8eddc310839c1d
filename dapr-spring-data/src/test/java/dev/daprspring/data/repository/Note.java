package dev.daprspring.data.repository;

import org.springframework.data.annotation.Id;

/** A test entity kept in the Redis store whatever the store under test. */
public class Note {

	@Id
	private String id;

	private String text;

	public Note() {
	}

	public Note(String id, String text) {
		this.id = id;
		this.text = text;
	}

	public String getId() {
		return this.id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

}
