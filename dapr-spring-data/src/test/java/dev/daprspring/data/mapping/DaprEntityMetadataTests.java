package dev.daprspring.data.mapping;

import org.junit.jupiter.api.Test;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setting the id and the version of mutable and immutable entities.
 */
class DaprEntityMetadataTests {

	private final DaprMappingContext mappingContext = new DaprMappingContext();

	record Account(@Id String id, long balance, @Version Long version) {
	}

	record Label(@Id Long id, String text) {
	}

	// "Aa" and "BB" share a hash code: Spring Data generates no accessor class for this type.
	record Collision(@Id String id, String Aa, String BB) {
	}

	static final class Ticket {

		@Id
		private final String id;

		private final String title;

		@Version
		private final int version;

		Ticket(String id, String title, int version) {
			this.id = id;
			this.title = title;
			this.version = version;
		}

		Ticket withId(String id) {
			return new Ticket(id, this.title, this.version);
		}

	}

	static class Counter {

		@Id
		Long id;

		@Version
		Long version;

	}

	private DaprEntityMetadata metadata(Class<?> type) {
		return new DaprEntityMetadata(this.mappingContext.entity(type));
	}

	@Test
	void aRecordGetsItsIdAndVersionInANewInstance() {
		Account account = new Account(null, 10, null);
		Account withId = (Account) metadata(Account.class).withId(account, "a-1");
		Account saved = (Account) metadata(Account.class).withVersion(withId, 1);
		assertThat(saved).isEqualTo(new Account("a-1", 10, 1L));
		assertThat(account).isEqualTo(new Account(null, 10, null));
		assertThat(metadata(Account.class).id(saved)).isEqualTo("a-1");
		assertThat(metadata(Account.class).version(saved)).isEqualTo(1L);
	}

	@Test
	void anIdOfAnotherTypeIsConvertedToTheIdProperty() {
		assertThat(metadata(Label.class).withId(new Label(null, "x"), "7")).isEqualTo(new Label(7L, "x"));
	}

	@Test
	void aClassWithFinalFieldsGetsItsIdFromItsWitherAndItsVersionFromItsConstructor() {
		Ticket ticket = (Ticket) metadata(Ticket.class).withId(new Ticket(null, "t", 0), "t-1");
		Ticket saved = (Ticket) metadata(Ticket.class).withVersion(ticket, 3);
		assertThat(saved.id).isEqualTo("t-1");
		assertThat(saved.title).isEqualTo("t");
		assertThat(saved.version).isEqualTo(3);
	}

	@Test
	void aRecordSpringDataGeneratesNoAccessorForGetsANewInstanceToo() {
		assertThat(metadata(Collision.class).withId(new Collision(null, "a", "b"), "c-1"))
			.isEqualTo(new Collision("c-1", "a", "b"));
	}

	@Test
	void aMutableEntityIsSetInPlace() {
		Counter counter = new Counter();
		assertThat(metadata(Counter.class).withId(counter, 5L)).isSameAs(counter);
		assertThat(metadata(Counter.class).withVersion(counter, 2)).isSameAs(counter);
		assertThat(counter.id).isEqualTo(5L);
		assertThat(counter.version).isEqualTo(2L);
	}

}
