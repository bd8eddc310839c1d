package dev.daprspring.data.repository;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A test entity with a version: stale writes fail. */
public class Counter {

	@Id
	private Long id;

	private long value;

	@Version
	private Long version;

	public Counter() {
	}

	public Counter(Long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public long getValue() {
		return this.value;
	}

	public void setValue(long value) {
		this.value = value;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
