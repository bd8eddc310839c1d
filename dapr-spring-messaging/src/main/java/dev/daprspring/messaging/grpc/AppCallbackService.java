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
import dev.daprspring.messaging.delivery.BulkEntry;
import dev.daprspring.messaging.delivery.DeliveryRoutes;
import dev.daprspring.messaging.delivery.IncomingEvent;
import dev.daprspring.messaging.delivery.TopicEventStatus;
import dev.daprspring.messaging.endpoint.TopicSubscription;

/**
 * The gRPC app channel ({@code AppCallback}): lists the subscriptions of the
 * {@link DeliveryRoutes} and the input bindings of the {@link BindingEndpointRegistry},
 * and hands each event to the same listeners as the HTTP app channel. The sidecar sends
 * back the path of the rule (or default route) that selected an event, which names its
 * handler. Service invocation is not served here.
 */
public class AppCallbackService extends AppCallbackGrpc.AppCallbackImplBase {

	private static final Log logger = LogFactory.getLog(AppCallbackService.class);

	// Only names: over gRPC no request is sent to this path.
	private static final String ROUTE_BASE = "/dapr/topics/";

	private final DeliveryRoutes routes;

	private final BindingEndpointRegistry bindings;

	private final BindingEventDispatcher bindingDispatcher;

	private boolean listTopics = true;

	public AppCallbackService(DeliveryRoutes routes, BindingEndpointRegistry bindings,
			BindingEventDispatcher bindingDispatcher) {
		this.routes = routes;
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
				? SubscriptionList.of(this.routes.snapshot(), ROUTE_BASE)
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
		TopicEventStatus status = route.listener().onEvent(event);
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
		route.listener()
			.onBatch(entries)
			.forEach((entryId, status) -> answer.addStatuses(entryStatus(entryId, status)));
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
		DeliveryRoutes.Snapshot routes = this.routes.snapshot();
		if (path.isEmpty()) {
			// No path: the topic's default handler.
			return routes.defaultRoute(pubsub, topic);
		}
		return path.startsWith(ROUTE_BASE) ? routes.route(path.substring(ROUTE_BASE.length())) : null;
	}

	private static TopicEventBulkResponseEntry entryStatus(String entryId, TopicEventStatus status) {
		return TopicEventBulkResponseEntry.newBuilder().setEntryId(entryId).setStatus(TopicEventRequests.responseStatus(status)).build();
	}


	private static <T> void complete(StreamObserver<T> response, T answer) {
		response.onNext(answer);
		response.onCompleted();
	}

}
