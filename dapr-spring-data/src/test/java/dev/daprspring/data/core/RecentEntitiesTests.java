package dev.daprspring.data.core;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daprspring.data.core.RecentEntities.AsRead;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the adapter remembers of entities ({@link RecentEntities}).
 */
class RecentEntitiesTests {

	private final RecentEntities recent = new RecentEntities();

	@Test
	void aReadIsTakenOnce() {
		AsRead read = new AsRead("etag-1", 3L, Map.of("status", "NEW"));
		this.recent.read("order:1", read);
		assertThat(this.recent.takeRead("order:1")).isEqualTo(read);
		assertThat(this.recent.takeRead("order:1")).isNull();
	}

	@Test
	void forgetDropsWhatWasStoredAndWhatWasReadForgetStoredOnlyWhatWasStored() {
		for (String key : new String[] { "order:1", "order:2" }) {
			this.recent.stored(key);
			this.recent.read(key, new AsRead("etag-1", null, Map.of()));
		}
		this.recent.forget("order:1");
		this.recent.forgetStored("order:2");
		assertThat(this.recent.isStored("order:1")).isFalse();
		assertThat(this.recent.takeRead("order:1")).isNull();
		assertThat(this.recent.isStored("order:2")).isFalse();
		assertThat(this.recent.takeRead("order:2")).isNotNull();
	}

	@Test
	void eachStartsOverAtItsBound() {
		for (int i = 0; i < RecentEntities.KNOWN_KEYS; i++) {
			this.recent.stored("order:" + i);
		}
		assertThat(this.recent.isStored("order:0")).isTrue();
		this.recent.stored("order:new");
		assertThat(this.recent.isStored("order:0")).isFalse();
		assertThat(this.recent.isStored("order:new")).isTrue();
	}

}
