package dev.daprspring.core.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.dapr.v1.DaprAppCallbackProtos.TopicEventRequest;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestInitialAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestProcessedAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsResponseAlpha1;
import io.grpc.stub.StreamObserver;

import dev.daprspring.boot.sidecar.testsupport.SidecarGrpc;

/**
 * Records what a real sidecar delivers on one topic, through a streaming subscription
 * made with the raw generated stubs (so tests of the publish side do not depend on this
 * project's subscriber). Every event is acknowledged with SUCCESS as it arrives.
 *
 * <pre>
 * try (TopicRecorder orders = TopicRecorder.subscribe(sidecar.grpcEndpoint(), "pubsub", "orders")) {
 *     dapr.pubsub().publish("orders", order);
 *     TopicEventRequest event = orders.next();
 * }
 * </pre>
 */
public final class TopicRecorder implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final SidecarGrpc grpc;

	private final String description;

	private final BlockingQueue<TopicEventRequest> events = new LinkedBlockingQueue<>();

	private final CompletableFuture<Void> subscribed = new CompletableFuture<>();

	private final StreamObserver<SubscribeTopicEventsRequestAlpha1> requests;

	private TopicRecorder(String grpcEndpoint, String pubsub, String topic, Map<String, String> metadata) {
		this.grpc = new SidecarGrpc(grpcEndpoint, null);
		this.description = "topic '" + topic + "' of pub/sub '" + pubsub + "' at " + grpcEndpoint;
		this.requests = this.grpc.async().subscribeTopicEventsAlpha1(new Receiver());
		send(SubscribeTopicEventsRequestAlpha1.newBuilder()
			.setInitialRequest(SubscribeTopicEventsRequestInitialAlpha1.newBuilder()
				.setPubsubName(pubsub)
				.setTopic(topic)
				.putAllMetadata(metadata))
			.build());
	}

	/** Subscribes and waits until the sidecar confirms the subscription. */
	public static TopicRecorder subscribe(String grpcEndpoint, String pubsub, String topic) {
		return subscribe(grpcEndpoint, pubsub, topic, Map.of());
	}

	/**
	 * Subscribes with subscription metadata (for example {@code rawPayload=true}) and
	 * waits until the sidecar confirms the subscription.
	 */
	public static TopicRecorder subscribe(String grpcEndpoint, String pubsub, String topic,
			Map<String, String> metadata) {
		TopicRecorder recorder = new TopicRecorder(grpcEndpoint, pubsub, topic, metadata);
		try {
			recorder.subscribed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			return recorder;
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			recorder.close();
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new AssertionError("Could not subscribe to " + recorder.description, ex);
		}
	}

	/** The next event, waiting for it to arrive. */
	public TopicEventRequest next() {
		try {
			TopicEventRequest event = this.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			if (event == null) {
				throw new AssertionError("No event arrived on " + this.description + " within " + WAIT);
			}
			return event;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for an event on " + this.description, ex);
		}
	}

	/** The next {@code count} events, in the order they arrived. */
	public List<TopicEventRequest> next(int count) {
		List<TopicEventRequest> received = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			received.add(next());
		}
		return received;
	}

	@Override
	public void close() {
		try {
			synchronized (this.requests) {
				this.requests.onCompleted();
			}
		}
		catch (IllegalStateException ex) {
			// The stream already ended.
		}
		try {
			this.grpc.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void send(SubscribeTopicEventsRequestAlpha1 request) {
		// A StreamObserver is not thread-safe: acknowledgements come from gRPC's threads.
		synchronized (this.requests) {
			this.requests.onNext(request);
		}
	}

	private final class Receiver implements StreamObserver<SubscribeTopicEventsResponseAlpha1> {

		@Override
		public void onNext(SubscribeTopicEventsResponseAlpha1 response) {
			if (response.hasInitialResponse()) {
				TopicRecorder.this.subscribed.complete(null);
				return;
			}
			TopicEventRequest event = response.getEventMessage();
			TopicRecorder.this.events.add(event);
			send(SubscribeTopicEventsRequestAlpha1.newBuilder()
				.setEventProcessed(SubscribeTopicEventsRequestProcessedAlpha1.newBuilder()
					.setId(event.getId())
					.setStatus(TopicEventResponse.newBuilder()
						.setStatus(TopicEventResponse.TopicEventResponseStatus.SUCCESS)))
				.build());
		}

		@Override
		public void onError(Throwable error) {
			TopicRecorder.this.subscribed.completeExceptionally(error);
		}

		@Override
		public void onCompleted() {
			TopicRecorder.this.subscribed.completeExceptionally(
					new IllegalStateException("The sidecar ended the subscription"));
		}

	}

}
