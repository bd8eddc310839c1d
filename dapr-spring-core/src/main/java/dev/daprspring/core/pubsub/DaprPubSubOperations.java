package dev.daprspring.core.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.protobuf.ByteString;
import io.dapr.v1.DaprPubsubProtos.BulkPublishRequest;
import io.dapr.v1.DaprPubsubProtos.BulkPublishRequestEntry;
import io.dapr.v1.DaprPubsubProtos.BulkPublishResponse;
import io.dapr.v1.DaprPubsubProtos.BulkPublishResponseFailedEntry;
import io.dapr.v1.DaprPubsubProtos.PublishEventRequest;

import dev.daprspring.core.client.DaprBuildingBlock;
import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprConversionException;
import dev.daprspring.core.convert.DaprValueConverter;
import org.springframework.util.Assert;

/**
 * {@link PubSubOperations} over the sidecar's gRPC publish API.
 */
public final class DaprPubSubOperations implements PubSubOperations {

	private static final String BLOCK = DaprBuildingBlock.PUBSUB.id();

	private final DaprTransport transport;

	private final DaprValueConverter converter;

	private final CloudEventWriter cloudEvents;

	private final String pubsub;

	public DaprPubSubOperations(DaprTransport transport, DaprValueConverter converter, String pubsub) {
		Assert.hasText(pubsub, "Pub/sub name must not be empty; set dapr.pubsub.default-name or name one");
		this.transport = transport;
		this.converter = converter;
		this.cloudEvents = new CloudEventWriter(converter);
		this.pubsub = pubsub;
	}

	@Override
	public String pubsubName() {
		return this.pubsub;
	}

	@Override
	public void publish(String topic, Object payload) {
		publish(topic, payload, PublishOptions.none());
	}

	@Override
	public void publish(String topic, CloudEvent<?> event) {
		publish(topic, (Object) event, PublishOptions.none());
	}

	@Override
	public void publish(String topic, Object payload, PublishOptions options) {
		checkTopic(topic);
		PublishOptions sent = withClientId(payload, options);
		Map<String, String> metadata = sent.requestMetadata();
		Encoded encoded = encode(topic, payload, sent);
		PublishEventRequest request = PublishEventRequest.newBuilder()
			.setPubsubName(this.pubsub)
			.setTopic(topic)
			.setData(encoded.data())
			.setDataContentType(encoded.contentType())
			.putAllMetadata(metadata)
			.build();
		// With its CloudEvent id fixed, a repetition after a lost answer is a duplicate subscribers can recognise.
		boolean repeatable = payload instanceof CloudEvent || sent.id() != null;
		this.transport.call(DaprCall.write(BLOCK, "publish", this.pubsub, repeatable),
				(dapr) -> dapr.publishEvent(request));
	}

	// The CloudEvent id is chosen here, before the first attempt, unless the event brings its own envelope.
	private static PublishOptions withClientId(Object payload, PublishOptions options) {
		boolean ownEnvelope = payload instanceof CloudEvent || CloudEvent.CONTENT_TYPE.equals(options.contentType());
		return (ownEnvelope || options.rawPayload() || options.id() != null) ? options
				: options.withId(UUID.randomUUID().toString());
	}

	@Override
	public BulkPublishResult publishAll(String topic, List<?> payloads) {
		return publishAll(topic, payloads, PublishOptions.none());
	}

	@Override
	public BulkPublishResult publishAll(String topic, List<?> payloads, PublishOptions options) {
		checkTopic(topic);
		Assert.isTrue(options.id() == null, "publishAll cannot give every entry the same CloudEvent id; "
				+ "publish CloudEvent payloads with ids of their own instead");
		if (payloads.isEmpty()) {
			return new BulkPublishResult(List.of());
		}
		Map<String, String> metadata = options.requestMetadata();
		BulkPublishRequest.Builder request = BulkPublishRequest.newBuilder()
			.setPubsubName(this.pubsub)
			.setTopic(topic)
			.putAllMetadata(metadata);
		boolean repeatable = true;
		for (int i = 0; i < payloads.size(); i++) {
			Object payload = payloads.get(i);
			Assert.notNull(payload, "Payload " + i + " of publishAll is null; every entry needs a payload");
			PublishOptions entry = withClientId(payload, options);
			repeatable &= payload instanceof CloudEvent || entry.id() != null;
			Encoded encoded = encode(topic, payload, entry);
			// The sidecar reads CloudEvent overrides (the entry's own id) and the TTL from each entry's metadata.
			request.addEntries(BulkPublishRequestEntry.newBuilder()
				.setEntryId(Integer.toString(i))
				.setEvent(encoded.data())
				.setContentType(encoded.contentType())
				.putAllMetadata(entry.requestMetadata()));
		}
		BulkPublishRequest built = request.build();
		BulkPublishResponse response = this.transport.call(
				DaprCall.write(BLOCK, "publishAll", this.pubsub, repeatable), (dapr) -> dapr.bulkPublishEvent(built));
		List<BulkPublishResult.FailedEntry> failed = new ArrayList<>(response.getFailedEntriesCount());
		for (BulkPublishResponseFailedEntry entry : response.getFailedEntriesList()) {
			failed.add(new BulkPublishResult.FailedEntry(entry.getEntryId(), index(entry.getEntryId()),
					entry.getError()));
		}
		return new BulkPublishResult(failed);
	}

	private Encoded encode(String topic, Object payload, PublishOptions options) {
		Assert.notNull(payload, () -> "Payload for topic '" + topic + "' must not be null");
		try {
			if (payload instanceof CloudEvent<?> event) {
				// The sidecar takes a whole envelope as it is and ignores cloudevent.* overrides.
				Assert.isTrue(options.cloudEventAttributes().isEmpty(),
						() -> "PublishOptions set the CloudEvent attributes " + options.cloudEventAttributes()
								+ ", but the payload is a whole CloudEvent, which the sidecar takes as it is; "
								+ "set them on the CloudEvent instead");
				return new Encoded(this.cloudEvents.write(event), CloudEvent.CONTENT_TYPE);
			}
			String contentType = options.contentType();
			return new Encoded(this.converter.write(payload),
					(contentType != null) ? contentType : this.converter.contentType(payload));
		}
		catch (DaprConversionException ex) {
			throw new DaprConversionException("Cannot publish to topic '" + topic + "' of pub/sub '" + this.pubsub
					+ "', nothing was sent: " + ex.getMessage(), ex);
		}
	}

	private void checkTopic(String topic) {
		Assert.isTrue(topic != null && !topic.isBlank(),
				() -> "Topic must not be empty (pub/sub '" + this.pubsub + "')");
	}

	private static int index(String entryId) {
		try {
			return Integer.parseInt(entryId);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private record Encoded(ByteString data, String contentType) {
	}

}
