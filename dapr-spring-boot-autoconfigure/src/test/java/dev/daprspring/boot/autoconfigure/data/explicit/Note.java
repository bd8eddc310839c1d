package dev.daprspring.boot.autoconfigure.data.explicit;

import org.springframework.data.annotation.Id;

/** An entity of an application that configures its repositories itself. */
public class Note {

	@Id
	private String id;

	private String text;

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
