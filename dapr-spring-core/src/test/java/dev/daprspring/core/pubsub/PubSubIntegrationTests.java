package dev.daprspring.core.pubsub;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Value;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprConversionException;
import dev.daprspring.core.error.DaprApiException;
import dev.daprspring.core.error.DaprComponentNotFoundException;
import dev.daprspring.core.error.DaprSidecarUnavailableException;
import dev.daprspring.core.testsupport.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Publishing through {@link DaprTemplate#pubsub()} to a real daprd, checked by what a
 * streaming subscription made with the raw stubs receives.
 */
class PubSubIntegrationTests {

	static final String APP_ID = "pubsub-tests";

	static final JsonMapper json = JsonMapper.builder().build();

	static LocalRedisServer redis;

	static DaprSidecar sidecar;

	static DaprTransport transport;

	static DaprTemplate dapr;

	record Order(String id, String item, int quantity) {
	}

	/** Jackson cannot write it: its only property throws. */
	static class Unwritable {

		public String getName() {
			throw new IllegalStateException("name is not loaded");
		}

	}

	@BeforeAll
	static void start() {
		redis = LocalRedisServer.start();
		sidecar = DaprSidecar.builder(APP_ID)
			.component(DaprComponents.inMemoryPubSub("pubsub"))
			.component(DaprComponents.redisPubSub("redis", redis.address()))
			.start();
		transport = new DaprTransport(DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), null));
		dapr = new DaprTemplate(transport, json);
	}

	@AfterAll
	static void stop() {
		transport.close();
		sidecar.close();
		redis.close();
	}

	@Test
	void aRecordArrivesAsTheSameJsonInADaprCloudEvent() {
		Order order = new Order("o-1", "book", 2);
		try (TopicRecorder orders = subscribe("pubsub", "orders")) {
			dapr.pubsub().publish("orders", order);

			TopicEventRequest event = orders.next();
			assertThat(json.readTree(event.getData().toByteArray())).isEqualTo(json.valueToTree(order));
			assertThat(event.getDataContentType()).isEqualTo("application/json");
			assertThat(event.getSource()).isEqualTo(APP_ID);
			assertThat(event.getType()).isEqualTo("com.dapr.event.sent");
			assertThat(event.getSpecVersion()).isEqualTo("1.0");
			assertThat(event.getId()).isNotEmpty();
			assertThat(event.getTopic()).isEqualTo("orders");
			assertThat(event.getPubsubName()).isEqualTo("pubsub");
		}
	}

	@Test
	void theDefaultPubsubIsNamedPubsubAndCanBeChanged() {
		DaprTemplate template = new DaprTemplate(transport, json);
		assertThat(template.pubsub().pubsubName()).isEqualTo("pubsub");
		assertThat(template.pubsub()).isSameAs(template.pubsub("pubsub"));
		template.setDefaultPubsub("redis");
		assertThat(template.pubsub().pubsubName()).isEqualTo("redis");
		template.setDefaultPubsub(null);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(template::pubsub)
			.withMessageContaining("dapr.pubsub.default-name");
	}

	@Test
	void aStringArrivesAsTextAndWithAContentTypeAsThatType() {
		try (TopicRecorder notes = subscribe("pubsub", "notes")) {
			dapr.pubsub().publish("notes", "hello, dapr");
			TopicEventRequest text = notes.next();
			assertThat(text.getData().toStringUtf8()).isEqualTo("hello, dapr");
			assertThat(text.getDataContentType()).isEqualTo("text/plain");

			dapr.pubsub().publish("notes", "{\"id\":\"o-2\"}", PublishOptions.none().withContentType("application/json"));
			TopicEventRequest typed = notes.next();
			assertThat(json.readTree(typed.getData().toByteArray()).path("id").asString()).isEqualTo("o-2");
			assertThat(typed.getDataContentType()).isEqualTo("application/json");
		}
	}

	@Test
	void bytesArriveUnchangedAsOctetStream() {
		byte[] bytes = { 0, 1, 2, (byte) 0xff, 'd', 'a', 'p', 'r' };
		try (TopicRecorder blobs = subscribe("pubsub", "blobs")) {
			dapr.pubsub().publish("blobs", bytes);

			TopicEventRequest event = blobs.next();
			assertThat(event.getData().toByteArray()).isEqualTo(bytes);
			assertThat(event.getDataContentType()).isEqualTo("application/octet-stream");
		}
	}

	@Test
	void metadataAndTtlReachTheSidecar() {
		String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
		try (TopicRecorder orders = subscribe("pubsub", "orders-ttl")) {
			dapr.pubsub()
				.publish("orders-ttl", new Order("o-3", "pen", 1), PublishOptions.none()
					.withTtl(Duration.ofMinutes(5))
					.withMetadata("cloudevent.traceparent", traceparent));

			TopicEventRequest event = orders.next();
			// pubsub.in-memory has no TTL of its own, so the sidecar stamps an expiration;
			// both stamps are whole seconds taken one after the other.
			OffsetDateTime expiration = OffsetDateTime.parse(extension(event, "expiration"));
			OffsetDateTime time = OffsetDateTime.parse(extension(event, "time"));
			assertThat(Duration.between(time, expiration)).isBetween(Duration.ofSeconds(299), Duration.ofSeconds(301));
			assertThat(extension(event, "traceparent")).isEqualTo(traceparent);
		}
	}

	@Test
	void aRawPayloadIsPublishedWithoutAnEnvelope() {
		Order order = new Order("o-4", "lamp", 1);
		try (TopicRecorder raw = subscribe("pubsub", "raw-orders", Map.of("rawPayload", "true"))) {
			dapr.pubsub().publish("raw-orders", order, PublishOptions.none().withRawPayload(true));
			TopicEventRequest event = raw.next();
			assertThat(event.getData().toByteArray()).isEqualTo(json.writeValueAsBytes(order));

			// Without rawPayload the raw subscriber sees the sidecar's envelope around it.
			dapr.pubsub().publish("raw-orders", order);
			JsonNode envelope = json.readTree(raw.next().getData().toByteArray());
			assertThat(envelope.path("specversion").asString()).isEqualTo("1.0");
			assertThat(envelope.path("data")).isEqualTo(json.valueToTree(order));
		}
	}

	@Test
	void optionsOverrideTheCloudEventAttributes() {
		try (TopicRecorder orders = subscribe("pubsub", "orders-attributes")) {
			dapr.pubsub()
				.publish("orders-attributes", new Order("o-5", "cup", 6), PublishOptions.none()
					.withId("order-o-5")
					.withSource("urn:shop:checkout")
					.withType("com.example.order.placed")
					.withSubject("o-5"));

			TopicEventRequest event = orders.next();
			assertThat(event.getId()).isEqualTo("order-o-5");
			assertThat(event.getSource()).isEqualTo("urn:shop:checkout");
			assertThat(event.getType()).isEqualTo("com.example.order.placed");
			assertThat(extension(event, "subject")).isEqualTo("o-5");
		}
	}

	@Test
	void aWholeCloudEventArrivesWithItsOwnAttributes() {
		Order order = new Order("o-6", "chair", 4);
		CloudEvent<Order> placed = CloudEvent.of("evt-42", "urn:shop:orders", "com.example.order.placed", order)
			.withSubject("o-6")
			.withTime(OffsetDateTime.parse("2025-03-04T05:06:07Z"))
			.withExtension("tenant", "acme");
		try (TopicRecorder orders = subscribe("pubsub", "orders-envelope")) {
			dapr.pubsub().publish("orders-envelope", placed);

			TopicEventRequest event = orders.next();
			assertThat(event.getId()).isEqualTo("evt-42");
			assertThat(event.getSource()).isEqualTo("urn:shop:orders");
			assertThat(event.getType()).isEqualTo("com.example.order.placed");
			assertThat(event.getDataContentType()).isEqualTo("application/json");
			assertThat(json.readTree(event.getData().toByteArray())).isEqualTo(json.valueToTree(order));
			assertThat(extension(event, "subject")).isEqualTo("o-6");
			assertThat(extension(event, "time")).isEqualTo("2025-03-04T05:06:07Z");
			assertThat(extension(event, "tenant")).isEqualTo("acme");
		}
	}

	@Test
	void aCloudEventWithBytesCarriesThemAsBase64() {
		byte[] bytes = { 9, 8, 7, 0, (byte) 0x80 };
		try (TopicRecorder blobs = subscribe("pubsub", "blobs-envelope")) {
			dapr.pubsub().publish("blobs-envelope", CloudEvent.of("blob-1", "urn:blobs", "com.example.blob", bytes));

			TopicEventRequest event = blobs.next();
			assertThat(event.getId()).isEqualTo("blob-1");
			assertThat(event.getDataContentType()).isEqualTo("application/octet-stream");
			assertThat(event.getData().toByteArray()).isEqualTo(bytes);
		}
	}

	@Test
	void publishAllDeliversEveryRecordAndReportsNoFailures() {
		List<Order> batch = List.of(new Order("b-1", "book", 1), new Order("b-2", "pen", 2),
				new Order("b-3", "ink", 3));
		try (TopicRecorder orders = subscribe("pubsub", "orders-bulk")) {
			BulkPublishResult result = dapr.pubsub().publishAll("orders-bulk", batch);

			assertThat(result.isSuccess()).isTrue();
			assertThat(result.failedEntries()).isEmpty();
			// The component may deliver a batch in any order.
			assertThat(orders.next(3)).map((event) -> json.readValue(event.getData().toByteArray(), Order.class))
				.containsExactlyInAnyOrderElementsOf(batch);
		}
	}

	@Test
	void publishAllAppliesTheOptionsToEveryEntry() {
		try (TopicRecorder orders = subscribe("pubsub", "orders-bulk-typed")) {
			BulkPublishResult result = dapr.pubsub()
				.publishAll("orders-bulk-typed", List.of(new Order("t-1", "a", 1), new Order("t-2", "b", 2)),
						PublishOptions.none().withType("com.example.order.imported"));

			assertThat(result.isSuccess()).isTrue();
			assertThat(orders.next(2)).extracting(TopicEventRequest::getType)
				.containsOnly("com.example.order.imported");
		}
	}

	@Test
	void publishAllSendsCloudEventsAsTheirOwnEnvelopes() {
		try (TopicRecorder orders = subscribe("pubsub", "orders-bulk-envelopes")) {
			BulkPublishResult result = dapr.pubsub()
				.publishAll("orders-bulk-envelopes",
						List.of(CloudEvent.of("bulk-1", "urn:shop", "com.example.a", new Order("e-1", "a", 1)),
								CloudEvent.of("bulk-2", "urn:shop", "com.example.b", "second")));

			assertThat(result.isSuccess()).isTrue();
			assertThat(orders.next(2)).extracting(TopicEventRequest::getId, TopicEventRequest::getType)
				.containsExactlyInAnyOrder(tuple("bulk-1", "com.example.a"), tuple("bulk-2", "com.example.b"));
		}
	}

	@Test
	void publishesOnRedisStreams() {
		Order order = new Order("r-1", "desk", 1);
		try (TopicRecorder orders = subscribe("redis", "orders")) {
			dapr.pubsub("redis").publish("orders", order);

			TopicEventRequest event = orders.next();
			assertThat(event.getPubsubName()).isEqualTo("redis");
			assertThat(json.readTree(event.getData().toByteArray())).isEqualTo(json.valueToTree(order));
		}
	}

	@Test
	void anUnknownPubsubIsNamedWithTheLoadedOnes() {
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> dapr.pubsub("orders-bus").publish("orders", new Order("x", "y", 1)))
			.withMessageContaining("No pub/sub named 'orders-bus'")
			.withMessageContaining("pubsub (pubsub.in-memory)")
			.withMessageContaining("redis (pubsub.redis)");
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> dapr.pubsub("orders-bus").publishAll("orders", List.of("a", "b")))
			.withMessageContaining("No pub/sub named 'orders-bus'")
			.withMessageContaining("pubsub (pubsub.in-memory)");
	}

	@Test
	void aPayloadJacksonCannotWriteFailsAndPublishesNothing() {
		try (TopicRecorder orders = subscribe("pubsub", "orders-unwritable")) {
			assertThatExceptionOfType(DaprConversionException.class)
				.isThrownBy(() -> dapr.pubsub().publish("orders-unwritable", new Unwritable()))
				.withMessageContaining("topic 'orders-unwritable' of pub/sub 'pubsub'")
				.withMessageContaining("nothing was sent")
				.withMessageContaining(Unwritable.class.getName())
				.withMessageContaining("name is not loaded");
			assertThatExceptionOfType(DaprConversionException.class)
				.isThrownBy(() -> dapr.pubsub().publishAll("orders-unwritable", List.of("fine", new Unwritable())));

			// The next event on the topic is the one published after the failures.
			dapr.pubsub().publish("orders-unwritable", "after");
			assertThat(orders.next().getData().toStringUtf8()).isEqualTo("after");
		}
	}

	@Test
	void invalidArgumentsAreRejectedBeforeCallingTheSidecar() {
		assertThatIllegalArgumentException().isThrownBy(() -> dapr.pubsub().publish(" ", "x"))
			.withMessageContaining("Topic must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> dapr.pubsub().publish("orders", "x", PublishOptions.none().withRawPayload(true).withId("1")))
			.withMessageContaining("rawPayload")
			.withMessageContaining("[id]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> dapr.pubsub().publishAll("orders", List.of("a", "b"), PublishOptions.none().withId("same")))
			.withMessageContaining("same CloudEvent id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> dapr.pubsub()
				.publish("orders", CloudEvent.of("e-1", "urn:s", "t", "x"), PublishOptions.none().withType("other")))
			.withMessageContaining("[type]")
			.withMessageContaining("set them on the CloudEvent instead");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> dapr.pubsub()
				.publishAll("orders", List.of(CloudEvent.of("e-2", "urn:s", "t", "x")),
						PublishOptions.none().withSubject("s")))
			.withMessageContaining("[subject]");
	}

	@Test
	void aBrokerThatIsDownFailsThePublishAndTheWholeBatch() {
		try (LocalRedisServer broker = LocalRedisServer.start();
				DaprSidecar own = DaprSidecar.builder("pubsub-broker-down")
					.component(DaprComponents.redisPubSub("events", broker.address()))
					.start();
				DaprTransport toOwn = new DaprTransport(
						DaprClientOptions.of(own.grpcEndpoint(), own.httpEndpoint(), null))) {
			PubSubOperations events = new DaprTemplate(toOwn, json).pubsub("events");
			broker.stop();

			assertThatExceptionOfType(DaprApiException.class).isThrownBy(() -> events.publish("orders", "one"))
				.withMessageContaining("pubsub.publish on 'events' failed")
				.withMessageContaining("topic orders")
				.withMessageContaining(broker.address());
			assertThatExceptionOfType(DaprApiException.class)
				.isThrownBy(() -> events.publishAll("orders", List.of("one", "two")))
				.withMessageContaining("pubsub.publishAll on 'events' failed")
				.withMessageContaining("topic orders")
				.withMessageContaining(broker.address());
		}
	}

	@Test
	void aStoppedSidecarIsReportedWithItsEndpoint() {
		try (DaprSidecar stopped = DaprSidecar.builder("pubsub-stopped")
			.component(DaprComponents.inMemoryPubSub("pubsub"))
			.start();
				DaprTransport toStopped = new DaprTransport(
						DaprClientOptions.of(stopped.grpcEndpoint(), stopped.httpEndpoint(), null))) {
			DaprTemplate template = new DaprTemplate(toStopped, json);
			template.pubsub().publish("orders", "while running");
			stopped.stop();

			assertThatExceptionOfType(DaprSidecarUnavailableException.class)
				.isThrownBy(() -> template.pubsub().publish("orders", "after stop"))
				.withMessageContaining(stopped.grpcEndpoint())
				.withMessageContaining("pubsub.publish on 'pubsub'");
		}
	}

	private static TopicRecorder subscribe(String pubsub, String topic) {
		return TopicRecorder.subscribe(sidecar.grpcEndpoint(), pubsub, topic);
	}

	private static TopicRecorder subscribe(String pubsub, String topic, Map<String, String> metadata) {
		return TopicRecorder.subscribe(sidecar.grpcEndpoint(), pubsub, topic, metadata);
	}

	private static String extension(TopicEventRequest event, String name) {
		Value value = event.getExtensions().getFieldsMap().get(name);
		assertThat(value).as("extension '%s' of %s", name, event.getExtensions()).isNotNull();
		return value.getStringValue();
	}

}
