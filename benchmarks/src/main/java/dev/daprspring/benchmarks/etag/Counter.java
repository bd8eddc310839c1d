package dev.daprspring.benchmarks.etag;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** The contended entity: a stale save (an older version) is refused by the ETag. */
public class Counter {

	@Id
	private @Nullable String id;

	private long value;

	@Version
	private @Nullable Long version;

	public Counter() {
	}

	Counter(String id) {
		this.id = id;
	}

	public @Nullable String getId() {
		return this.id;
	}

	public void setId(@Nullable String id) {
		this.id = id;
	}

	public long getValue() {
		return this.value;
	}

	public void setValue(long value) {
		this.value = value;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
