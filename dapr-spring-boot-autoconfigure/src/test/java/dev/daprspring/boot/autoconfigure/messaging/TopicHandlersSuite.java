package dev.daprspring.boot.autoconfigure.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.metadata.SidecarMetadata;
import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.core.pubsub.PublishOptions;
import dev.daprspring.messaging.handler.DaprHeaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler tests every delivery mode runs against its own real sidecar with the
 * in-memory pub/sub {@code pubsub}.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class TopicHandlersSuite {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	@Autowired
	DaprSidecar sidecar;

	public DaprOperations dapr() {
		return this.dapr;
	}

	public Received received() {
		return this.received;
	}

	/** The subscription type the sidecar reports for this delivery mode. */
	abstract String subscriptionType();

	@Test
	void aRecordPublishedThroughTheTemplateReachesTheTypedHandlerOfThePlaceholderTopic() throws Exception {
		this.dapr.pubsub().publish("orders-from-placeholder", new Order("o-1", 3));
		assertThat(this.received.<Order>next("orders")).isEqualTo(new Order("o-1", 3));
	}

	@Test
	void stringAndByteArrayHandlersGetTheDataAsItIs() throws Exception {
		this.dapr.pubsub().publish("texts", "hello, topic");
		assertThat(this.received.<String>next("texts")).isEqualTo("hello, topic");
		byte[] bytes = { 0, 1, 2, (byte) 0xff };
		this.dapr.pubsub().publish("bytes", bytes);
		assertThat(this.received.<byte[]>next("bytes")).containsExactly(bytes);
	}

	@Test
	void aCloudEventParameterCarriesTheEnvelopeAndTypedData() throws Exception {
		this.dapr.pubsub()
			.publish("events", CloudEvent.of("evt-1", "shop", "order.placed", new Order("o-2", 1))
				.withSubject("o-2")
				.withExtension("tenant", "acme"));
		CloudEvent<Order> event = this.received.next("events");
		assertThat(event.id()).isEqualTo("evt-1");
		assertThat(event.source()).isEqualTo("shop");
		assertThat(event.type()).isEqualTo("order.placed");
		assertThat(event.subject()).isEqualTo("o-2");
		assertThat(event.data()).isEqualTo(new Order("o-2", 1));
		assertThat(event.extensions()).containsEntry("tenant", "acme")
			.containsEntry("topic", "events")
			.containsEntry("pubsubname", "pubsub");
	}

	@Test
	void jsonPostedToTheSidecarsHttpPublishApiReachesTheTypedHandler() throws Exception {
		HttpResponse<String> published = publishOverHttp("orders-from-placeholder", "application/json",
				"{\"id\":\"j-1\",\"quantity\":4}");
		assertThat(published.statusCode()).as(published.body()).isEqualTo(204);
		assertThat(this.received.<Order>next("orders")).isEqualTo(new Order("j-1", 4));
	}

	@Test
	void aCloudEventPostedToTheSidecarsHttpPublishApiReachesTheCloudEventHandlerWithItsId() throws Exception {
		String cloudEvent = """
				{"specversion":"1.0","id":"curl-1","source":"curl","type":"order.placed",
				 "datacontenttype":"application/json","data":{"id":"c-1","quantity":2}}""";
		HttpResponse<String> published = publishOverHttp("events", "application/cloudevents+json", cloudEvent);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(204);
		CloudEvent<Order> event = this.received.next("events");
		assertThat(event.id()).isEqualTo("curl-1");
		assertThat(event.source()).isEqualTo("curl");
		assertThat(event.type()).isEqualTo("order.placed");
		assertThat(event.data()).isEqualTo(new Order("c-1", 2));
	}

	@Test
	void aRawPayloadHandlerReceivesThePublishedBytesAsTheyAre() throws Exception {
		byte[] bytes = { 'r', 'a', 'w', 0, (byte) 0xff };
		this.dapr.pubsub()
			.publish("raw-readings", bytes,
					PublishOptions.none().withRawPayload(true).withContentType("application/octet-stream"));
		assertThat(this.received.<byte[]>next("raw-readings")).containsExactly(bytes);
	}

	@Test
	void aMessageParameterHasGenericPayloadAndCloudEventHeaders() throws Exception {
		this.dapr.pubsub()
			.publish("batches", List.of(new Order("a", 1), new Order("b", 2)),
					PublishOptions.none().withType("order.batch"));
		Message<List<Order>> message = this.received.next("batches");
		assertThat(message.getPayload()).containsExactly(new Order("a", 1), new Order("b", 2));
		assertThat(message.getHeaders()).containsEntry(DaprHeaders.TOPIC, "batches")
			.containsEntry(DaprHeaders.PUBSUB, "pubsub")
			.containsKey(DaprHeaders.ID);
		assertThat(this.received.<String>next("batches-type")).isEqualTo("order.batch");
	}

	@Test
	void droppedEventsGoToTheDeadLetterTopic() throws Exception {
		this.dapr.pubsub().publish("rejects", new Order("r-1", 1), PublishOptions.none().withId("reject-1"));
		CloudEvent<Order> dead = this.received.next("rejects-dead");
		assertThat(dead.data()).isEqualTo(new Order("r-1", 1));
		this.dapr.pubsub().publish("declines", new Order("d-1", 1));
		assertThat(this.received.<CloudEvent<Order>>next("rejects-dead").data()).isEqualTo(new Order("d-1", 1));
	}

	@Test
	void dataThatIsNotTheHandlersTypeIsDroppedToTheDeadLetterTopicWithAClearLogLine(CapturedOutput output)
			throws Exception {
		this.dapr.pubsub()
			.publish("strict", "not json at all".getBytes(StandardCharsets.UTF_8),
					PublishOptions.none().withContentType("text/plain").withId("malformed-1"));
		assertThat(this.received.<String>next("strict-dead")).isEqualTo("not json at all");
		assertThat(output).contains("Dropping event 'malformed-1' of topic 'strict' (pub/sub 'pubsub'): "
				+ "TopicHandlers.strict(Order) cannot handle it")
			.contains("is not JSON of type " + Order.class.getName());
		// The application still handles events afterwards.
		this.dapr.pubsub().publish("strict", new Order("s-1", 2));
		assertThat(this.received.<Order>next("strict")).isEqualTo(new Order("s-1", 2));
	}

	@Test
	void theSidecarListsTheSubscriptionsTheApplicationPublished() {
		SidecarMetadata metadata = this.dapr.metadata();
		assertThat(metadata.subscriptions()).filteredOn((subscription) -> subscription.topic().equals("rejects"))
			.singleElement()
			.satisfies((subscription) -> {
				assertThat(subscription.pubsubName()).isEqualTo("pubsub");
				assertThat(subscription.deadLetterTopic()).isEqualTo("rejects-dead");
				assertThat(subscription.type()).isEqualTo(subscriptionType());
			});
		assertThat(metadata.subscriptions()).extracting(SidecarMetadata.Subscription::topic)
			.contains("orders-from-placeholder", "texts", "bytes", "events", "batches", "strict", "strict-dead");
	}

	/** Publishes a body as {@code curl} would, with the sidecar's HTTP API. */
	private HttpResponse<String> publishOverHttp(String topic, String contentType, String body) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.sidecar.httpEndpoint() + "/v1.0/publish/pubsub/" + topic))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
