package dev.daprspring.messaging.delivery;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daprspring.messaging.endpoint.BulkSubscribe;
import dev.daprspring.messaging.endpoint.TopicEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link BatchResults} reads what a bulk handler returned as a status per entry.
 */
class BatchResultsTests {

	private final List<BulkEntry> handed = List.of(entry("e-1", "c-1"), entry("e-2", "c-2"));

	@Test
	void nothingReturnedIsSuccessForEveryEntry() throws Exception {
		assertThat(BatchResults.statuses(endpoint(), this.handed, null)).containsExactly(
				Map.entry("e-1", TopicEventStatus.SUCCESS), Map.entry("e-2", TopicEventStatus.SUCCESS));
	}

	@Test
	void aListGivesTheStatusesInOrder() throws Exception {
		assertThat(BatchResults.statuses(endpoint(), this.handed,
				List.of(TopicEventStatus.DROP, TopicEventStatus.SUCCESS)))
			.containsExactly(Map.entry("e-1", TopicEventStatus.DROP), Map.entry("e-2", TopicEventStatus.SUCCESS));
	}

	@Test
	void aListOfTheWrongSizeOrTypeRetriesEveryEntry() throws Exception {
		assertThat(BatchResults.statuses(endpoint(), this.handed, List.of(TopicEventStatus.DROP)))
			.containsExactly(Map.entry("e-1", TopicEventStatus.RETRY), Map.entry("e-2", TopicEventStatus.RETRY));
		assertThat(BatchResults.statuses(endpoint(), this.handed, List.of("DROP", "DROP")))
			.containsExactly(Map.entry("e-1", TopicEventStatus.RETRY), Map.entry("e-2", TopicEventStatus.RETRY));
	}

	@Test
	void aMapGivesStatusesByEntryIdOrCloudEventIdAndTheOthersSucceed() throws Exception {
		List<BulkEntry> three = List.of(entry("e-1", "c-1"), entry("e-2", "c-2"), entry("e-3", "c-3"));
		assertThat(BatchResults.statuses(endpoint(), three,
				Map.of("e-1", TopicEventStatus.RETRY, "c-2", TopicEventStatus.DROP)))
			.containsExactly(Map.entry("e-1", TopicEventStatus.RETRY), Map.entry("e-2", TopicEventStatus.DROP),
					Map.entry("e-3", TopicEventStatus.SUCCESS));
	}

	private static BulkEntry entry(String entryId, String eventId) {
		return new BulkEntry(entryId, new IncomingEvent("pubsub", "orders", new byte[0], Map.of("id", eventId)));
	}

	private static TopicEndpoint endpoint() throws Exception {
		Method method = Handlers.class.getDeclaredMethod("orders", List.class);
		return new TopicEndpoint("pubsub", "orders", null, 0, null, Map.of(), false, new Handlers(), method, 0,
				BulkSubscribe.DEFAULTS);
	}

	static class Handlers {

		void orders(List<String> orders) {
		}

	}

}
