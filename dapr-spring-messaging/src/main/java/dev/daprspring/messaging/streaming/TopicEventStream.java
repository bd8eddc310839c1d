package dev.daprspring.messaging.streaming;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestInitialAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestProcessedAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsResponseAlpha1;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.messaging.delivery.DeliveryRoutes;
import dev.daprspring.messaging.delivery.IncomingEvent;
import dev.daprspring.messaging.delivery.TopicEventListener;
import dev.daprspring.messaging.delivery.TopicEventStatus;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.endpoint.TopicSubscription;
import dev.daprspring.messaging.grpc.TopicEventRequests;

/**
 * One {@code SubscribeTopicEventsAlpha1} stream for one subscription. Each event is
 * acknowledged with its handler's status only after the handler returned; when the stream
 * ends while the application runs (the sidecar restarted, for example), it is opened again
 * after a growing pause.
 */
final class TopicEventStream {

	private static final Log logger = LogFactory.getLog(TopicEventStream.class);

	private final DaprTransport transport;

	private final TopicSubscription subscription;

	private final TopicEventListener listener;

	private final ScheduledExecutorService scheduler;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private Duration backoff;

	private final CompletableFuture<Void> confirmed = new CompletableFuture<>();

	private boolean stopped;

	private @Nullable Connection connection;

	/** @param routes where the listener of the subscription's handler is found */
	TopicEventStream(DaprTransport transport, TopicSubscription subscription, DeliveryRoutes.Snapshot routes,
			ScheduledExecutorService scheduler, Duration initialBackoff, Duration maxBackoff) {
		TopicEndpoint endpoint = subscription.defaultEndpoint();
		if (endpoint == null || !subscription.rules().isEmpty()) {
			throw new StreamingDeliveryException("Topic '" + subscription.topic() + "' of pub/sub '"
					+ subscription.pubsub() + "' has handlers with match rules " + subscription.rules()
					+ ", which streaming subscriptions cannot route: the sidecar only routes for subscriptions the "
					+ "app publishes", "Use one handler without a match rule per topic");
		}
		if (subscription.bulk() != null) {
			throw new StreamingDeliveryException("Topic '" + subscription.topic() + "' of pub/sub '"
					+ subscription.pubsub() + "' has a bulk handler (" + endpoint.describe()
					+ "), which streaming subscriptions cannot deliver to", "Remove bulk = \"true\" from its @Topic");
		}
		this.transport = transport;
		this.subscription = subscription;
		this.listener = routes.routeOf(endpoint).listener();
		this.scheduler = scheduler;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
		this.backoff = initialBackoff;
	}

	synchronized void open() {
		if (this.stopped) {
			return;
		}
		Connection connection = new Connection();
		this.connection = connection;
		try {
			this.transport.asyncStub().subscribeTopicEventsAlpha1(connection);
			connection.send(SubscribeTopicEventsRequestAlpha1.newBuilder().setInitialRequest(initialRequest()).build());
		}
		catch (RuntimeException ex) {
			connection.onError(ex);
		}
	}

	synchronized void close() {
		this.stopped = true;
		Connection connection = this.connection;
		if (connection != null) {
			connection.cancel();
		}
	}

	/** Completes once the sidecar has confirmed the subscription for the first time. */
	CompletableFuture<Void> confirmed() {
		return this.confirmed;
	}

	private SubscribeTopicEventsRequestInitialAlpha1 initialRequest() {
		SubscribeTopicEventsRequestInitialAlpha1.Builder initial = SubscribeTopicEventsRequestInitialAlpha1.newBuilder()
			.setPubsubName(this.subscription.pubsub())
			.setTopic(this.subscription.topic())
			.putAllMetadata(this.subscription.metadata());
		if (this.subscription.deadLetterTopic() != null) {
			initial.setDeadLetterTopic(this.subscription.deadLetterTopic());
		}
		return initial.build();
	}

	private synchronized void connected(Connection connection) {
		if (connection == this.connection) {
			this.confirmed.complete(null);
			if (this.backoff.compareTo(this.initialBackoff) > 0) {
				logger.info("Streaming subscription to " + describe() + " is open again");
			}
			this.backoff = this.initialBackoff;
		}
	}

	private synchronized void ended(Connection connection, @Nullable Throwable error) {
		if (this.stopped || connection != this.connection) {
			return;
		}
		Duration pause = this.backoff;
		this.backoff = (pause.multipliedBy(2).compareTo(this.maxBackoff) > 0) ? this.maxBackoff : pause.multipliedBy(2);
		String why = (error != null)
				? this.transport.translate(error, DaprCall.read("pubsub", "subscribe", this.subscription.pubsub()))
					.getMessage()
				: "the sidecar ended it";
		logger.warn("Streaming subscription to " + describe() + " ended (" + why + "); opening it again in "
				+ pause.toMillis() + " ms");
		this.scheduler.schedule(this::open, pause.toMillis(), TimeUnit.MILLISECONDS);
	}

	private String describe() {
		return "topic '" + this.subscription.topic() + "' of pub/sub '" + this.subscription.pubsub() + "'";
	}


	/** One attempt: the call and its observer. */
	private final class Connection
			implements ClientResponseObserver<SubscribeTopicEventsRequestAlpha1, SubscribeTopicEventsResponseAlpha1> {

		private @Nullable ClientCallStreamObserver<SubscribeTopicEventsRequestAlpha1> requests;

		private boolean done;

		@Override
		public void beforeStart(ClientCallStreamObserver<SubscribeTopicEventsRequestAlpha1> requests) {
			this.requests = requests;
		}

		@Override
		public void onNext(SubscribeTopicEventsResponseAlpha1 response) {
			if (response.hasInitialResponse()) {
				connected(this);
				return;
			}
			if (!response.hasEventMessage()) {
				return;
			}
			TopicSubscription subscription = TopicEventStream.this.subscription;
			IncomingEvent event = TopicEventRequests.toEvent(response.getEventMessage(), subscription.pubsub(),
					subscription.topic());
			// Acknowledged only now, after the handler returned: a crash before this redelivers it.
			TopicEventStatus status = TopicEventStream.this.listener.onEvent(event);
			send(SubscribeTopicEventsRequestAlpha1.newBuilder()
				.setEventProcessed(SubscribeTopicEventsRequestProcessedAlpha1.newBuilder()
					.setId(response.getEventMessage().getId())
					.setStatus(TopicEventResponse.newBuilder().setStatus(TopicEventRequests.responseStatus(status))))
				.build());
		}

		@Override
		public void onError(Throwable error) {
			markDone();
			ended(this, error);
		}

		@Override
		public void onCompleted() {
			markDone();
			ended(this, null);
		}

		synchronized void send(SubscribeTopicEventsRequestAlpha1 request) {
			ClientCallStreamObserver<SubscribeTopicEventsRequestAlpha1> requests = this.requests;
			if (requests != null && !this.done) {
				requests.onNext(request);
			}
		}

		synchronized void cancel() {
			ClientCallStreamObserver<SubscribeTopicEventsRequestAlpha1> requests = this.requests;
			if (requests != null && !this.done) {
				this.done = true;
				requests.cancel("the application stops its subscription", null);
			}
		}

		private synchronized void markDone() {
			this.done = true;
		}

	}

}
