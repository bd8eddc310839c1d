package dev.daprspring.messaging.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.endpoint.TopicEndpoint;

/**
 * Reads a bulk handler's return value as a status per entry: returning normally (or
 * {@code null}) is {@code SUCCESS} for every entry; a {@code List<TopicEventStatus>} gives
 * the statuses in the order of the list it was handed (any other list retries every
 * entry); a {@code Map<String, TopicEventStatus>} gives them by CloudEvent id or entry id,
 * entries it leaves out being {@code SUCCESS}.
 */
final class BatchResults {

	private static final Log logger = LogFactory.getLog(BatchResults.class);

	private BatchResults() {
	}

	static Map<String, TopicEventStatus> statuses(TopicEndpoint endpoint, List<BulkEntry> handed,
			@Nullable Object result) {
		if (result instanceof List<?> list) {
			if (list.size() != handed.size() || !list.stream().allMatch(TopicEventStatus.class::isInstance)) {
				logger.warn(endpoint.describe() + " returned " + list.size() + " value(s) for a batch of "
						+ handed.size() + "; a List result needs one TopicEventStatus per event, in order, so every "
						+ "event is retried");
				return all(handed, TopicEventStatus.RETRY);
			}
			Map<String, TopicEventStatus> statuses = new LinkedHashMap<>();
			for (int i = 0; i < handed.size(); i++) {
				statuses.put(handed.get(i).entryId(), (TopicEventStatus) list.get(i));
			}
			return statuses;
		}
		if (result instanceof Map<?, ?> map) {
			Map<String, TopicEventStatus> statuses = new LinkedHashMap<>();
			for (BulkEntry entry : handed) {
				Object status = map.get(entry.entryId());
				if (status == null && entry.event().id() != null) {
					status = map.get(entry.event().id());
				}
				statuses.put(entry.entryId(),
						(status instanceof TopicEventStatus given) ? given : TopicEventStatus.SUCCESS);
			}
			return statuses;
		}
		return all(handed, TopicEventStatus.SUCCESS);
	}

	private static Map<String, TopicEventStatus> all(List<BulkEntry> entries, TopicEventStatus status) {
		Map<String, TopicEventStatus> statuses = new LinkedHashMap<>();
		entries.forEach((entry) -> statuses.put(entry.entryId(), status));
		return statuses;
	}

}
