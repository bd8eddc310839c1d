package dev.daprspring.messaging.grpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.protobuf.Empty;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.CommonProtos.InvokeRequest;
import io.dapr.v1.CommonProtos.InvokeResponse;
import io.dapr.v1.DaprAppCallbackProtos.BindingEventRequest;
import io.dapr.v1.DaprAppCallbackProtos.BindingEventResponse;
import io.dapr.v1.DaprAppCallbackProtos.ListInputBindingsResponse;
import io.dapr.v1.DaprAppCallbackProtos.ListTopicSubscriptionsResponse;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventBulkRequest;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventBulkRequestEntry;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventBulkResponse;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventBulkResponseEntry;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventRequest;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse.TopicEventResponseStatus;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.messaging.binding.BindingEndpoint;
import dev.daprspring.messaging.binding.BindingEndpointRegistry;
import dev.daprspring.messaging.binding.BindingEventDispatcher;
import dev.daprspring.messaging.bulk.BulkEntry;
import dev.daprspring.messaging.bulk.BulkTopicEventDispatcher;
import dev.daprspring.messaging.delivery.IncomingEvent;
import dev.daprspring.messaging.delivery.TopicEventDispatcher;
import dev.daprspring.messaging.delivery.TopicEventStatus;
import dev.daprspring.messaging.endpoint.DeliveryRoutes;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import dev.daprspring.messaging.endpoint.TopicSubscription;

/**
 * The gRPC app channel ({@code AppCallback}): lists the subscriptions of the
 * {@link TopicEndpointRegistry} and the input bindings of the
 * {@link BindingEndpointRegistry}, and runs each event through the same dispatchers as the
 * HTTP app channel. The sidecar sends back the path of the rule (or default route) that
 * selected an event, which names its handler. Service invocation is not served here.
 */
public class AppCallbackService extends AppCallbackGrpc.AppCallbackImplBase {

	private static final Log logger = LogFactory.getLog(AppCallbackService.class);

	// Only names: over gRPC no request is sent to this path.
	private static final String ROUTE_BASE = "/dapr/topics";

	private final TopicEndpointRegistry topics;

	private final TopicEventDispatcher dispatcher;

	private final BulkTopicEventDispatcher bulkDispatcher;

	private final BindingEndpointRegistry bindings;

	private final BindingEventDispatcher bindingDispatcher;

	private boolean listTopics = true;

	// Built on the first call, when every @Topic bean has been registered.
	private volatile @Nullable DeliveryRoutes routes;

	public AppCallbackService(TopicEndpointRegistry topics, TopicEventDispatcher dispatcher,
			BulkTopicEventDispatcher bulkDispatcher, BindingEndpointRegistry bindings,
			BindingEventDispatcher bindingDispatcher) {
		this.topics = topics;
		this.dispatcher = dispatcher;
		this.bulkDispatcher = bulkDispatcher;
		this.bindings = bindings;
		this.bindingDispatcher = bindingDispatcher;
	}

	/** Whether to list the topic subscriptions; {@code false} when streaming subscriptions deliver them. */
	public void setListTopics(boolean listTopics) {
		this.listTopics = listTopics;
	}

	@Override
	public void listTopicSubscriptions(Empty request, StreamObserver<ListTopicSubscriptionsResponse> response) {
		ListTopicSubscriptionsResponse subscriptions = this.listTopics
				? SubscriptionList.of(this.topics.getSubscriptions(), routes())
				: ListTopicSubscriptionsResponse.getDefaultInstance();
		if (logger.isDebugEnabled()) {
			logger.debug("The sidecar read " + subscriptions.getSubscriptionsCount() + " subscription(s): "
					+ subscriptions);
		}
		complete(response, subscriptions);
	}

	@Override
	public void onTopicEvent(TopicEventRequest request, StreamObserver<TopicEventResponse> response) {
		DeliveryRoutes.Route route = route(request.getPath(), request.getPubsubName(), request.getTopic());
		if (route == null) {
			logger.warn("The sidecar sent an event of topic '" + request.getTopic() + "' (pub/sub '"
					+ request.getPubsubName() + "', path '" + request.getPath()
					+ "'), which no @Topic handler serves; it is dropped");
			complete(response, TopicEventResponse.newBuilder().setStatus(TopicEventResponseStatus.DROP).build());
			return;
		}
		TopicSubscription subscription = route.subscription();
		IncomingEvent event = TopicEventRequests.toEvent(request, subscription.pubsub(), subscription.topic());
		TopicEventStatus status;
		if (route.endpoint().bulk() != null) {
			// A bulk subscription gets batches; a single event that reaches it anyway is a batch of one.
			status = this.bulkDispatcher.dispatch(route.endpoint(), event);
		}
		else {
			status = this.dispatcher.dispatch(route.endpoint(), event);
		}
		complete(response, TopicEventResponse.newBuilder().setStatus(TopicEventRequests.responseStatus(status)).build());
	}

	@Override
	public void onBulkTopicEvent(TopicEventBulkRequest request, StreamObserver<TopicEventBulkResponse> response) {
		DeliveryRoutes.Route route = route(request.getPath(), request.getPubsubName(), request.getTopic());
		TopicEventBulkResponse.Builder answer = TopicEventBulkResponse.newBuilder();
		if (route == null) {
			logger.warn("The sidecar sent a batch of " + request.getEntriesCount() + " event(s) of topic '"
					+ request.getTopic() + "' (pub/sub '" + request.getPubsubName() + "', path '" + request.getPath()
					+ "'), which no @Topic handler serves; they are dropped");
			request.getEntriesList().forEach((entry) -> answer.addStatuses(entryStatus(entry.getEntryId(),
					TopicEventStatus.DROP)));
			complete(response, answer.build());
			return;
		}
		TopicSubscription subscription = route.subscription();
		List<BulkEntry> entries = new ArrayList<>();
		for (TopicEventBulkRequestEntry entry : request.getEntriesList()) {
			entries.add(new BulkEntry(entry.getEntryId(),
					TopicEventRequests.toEvent(entry, subscription.pubsub(), subscription.topic())));
		}
		Map<String, TopicEventStatus> statuses;
		if (route.endpoint().bulk() != null) {
			statuses = this.bulkDispatcher.dispatch(route.endpoint(), entries);
		}
		else {
			// A batch for a handler of single events: one delivery per entry.
			statuses = new LinkedHashMap<>();
			for (BulkEntry entry : entries) {
				statuses.put(entry.entryId(), this.dispatcher.dispatch(route.endpoint(), entry.event()));
			}
		}
		statuses.forEach((entryId, status) -> answer.addStatuses(entryStatus(entryId, status)));
		complete(response, answer.build());
	}

	@Override
	public void listInputBindings(Empty request, StreamObserver<ListInputBindingsResponse> response) {
		ListInputBindingsResponse.Builder answer = ListInputBindingsResponse.newBuilder();
		this.bindings.getEndpoints().forEach((endpoint) -> answer.addBindings(endpoint.name()));
		complete(response, answer.build());
	}

	@Override
	public void onBindingEvent(BindingEventRequest request, StreamObserver<BindingEventResponse> response) {
		BindingEndpoint endpoint = this.bindings.endpoint(request.getName());
		if (endpoint == null) {
			response.onError(Status.NOT_FOUND
				.withDescription("No @BindingListener handles input binding '" + request.getName() + "'")
				.asRuntimeException());
			return;
		}
		// Lower-case names, as over HTTP, so @Header parameters work on both channels.
		Map<String, String> metadata = new LinkedHashMap<>();
		request.getMetadataMap().forEach((name, value) -> metadata.put(name.toLowerCase(Locale.ROOT), value));
		if (this.bindingDispatcher.dispatch(endpoint, request.getData().toByteArray(), metadata)) {
			// An empty answer: daprd would read a filled one as instructions to store or forward the result.
			complete(response, BindingEventResponse.getDefaultInstance());
		}
		else {
			response.onError(Status.INTERNAL
				.withDescription("The handler of input binding '" + request.getName() + "' failed")
				.asRuntimeException());
		}
	}

	@Override
	public void onInvoke(InvokeRequest request, StreamObserver<InvokeResponse> response) {
		response.onError(Status.UNIMPLEMENTED
			.withDescription("Service invocation over the gRPC app channel is not supported; method '"
					+ request.getMethod() + "' cannot be invoked")
			.asRuntimeException());
	}

	private DeliveryRoutes.@Nullable Route route(String path, String pubsub, String topic) {
		DeliveryRoutes.Route route = routes().route(path);
		if (route != null || !path.isEmpty()) {
			return route;
		}
		// No path: the topic's default handler, whose route is the topic's own path.
		return routes().route(ROUTE_BASE + "/" + pubsub + "/" + topic);
	}

	private DeliveryRoutes routes() {
		DeliveryRoutes routes = this.routes;
		if (routes == null) {
			routes = new DeliveryRoutes(ROUTE_BASE, this.topics.getSubscriptions());
			this.routes = routes;
		}
		return routes;
	}

	private static TopicEventBulkResponseEntry entryStatus(String entryId, TopicEventStatus status) {
		return TopicEventBulkResponseEntry.newBuilder().setEntryId(entryId).setStatus(TopicEventRequests.responseStatus(status)).build();
	}


	private static <T> void complete(StreamObserver<T> response, T answer) {
		response.onNext(answer);
		response.onCompleted();
	}

}
