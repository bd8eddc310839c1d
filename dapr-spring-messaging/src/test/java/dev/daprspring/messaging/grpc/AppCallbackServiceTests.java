package dev.daprspring.messaging.grpc;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.dapr.v1.CommonProtos.InvokeRequest;
import io.dapr.v1.DaprAppCallbackProtos.BindingEventRequest;
import io.dapr.v1.DaprAppCallbackProtos.ListTopicSubscriptionsResponse;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventRequest;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse.TopicEventResponseStatus;
import io.dapr.v1.DaprAppCallbackProtos.TopicSubscription;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.messaging.binding.BindingEndpoint;
import dev.daprspring.messaging.binding.BindingEndpointRegistry;
import dev.daprspring.messaging.binding.BindingEventDispatcher;
import dev.daprspring.messaging.delivery.DefaultTopicErrorHandler;
import dev.daprspring.messaging.delivery.DeliveryRoutes;
import dev.daprspring.messaging.delivery.TopicEventListenerFactory;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import dev.daprspring.messaging.handler.CloudEventDataConverter;
import dev.daprspring.messaging.handler.TopicHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AppCallbackService} without a sidecar: the subscriptions it lists, how it picks a
 * handler from the path daprd sends back, and what it answers on the failure paths.
 */
class AppCallbackServiceTests {

	private static final JsonMapper JSON = new JsonMapper();

	private final Handlers handlers = new Handlers();

	private final TopicEndpointRegistry topics = new TopicEndpointRegistry();

	private final BindingEndpointRegistry bindings = new BindingEndpointRegistry();

	private final AppCallbackService service;

	AppCallbackServiceTests() throws Exception {
		this.topics.register(new TopicEndpoint("pubsub", "shapes", "event.type == \"circle\"", 0, "shapes-dead",
				Map.of(), false, this.handlers, method("circle", String.class)));
		this.topics.register(new TopicEndpoint("pubsub", "shapes", null, 0, null, Map.of(), false, this.handlers,
				method("other", String.class)));
		this.bindings.register(new BindingEndpoint("tick", this.handlers, method("tick", String.class)));
		this.bindings.register(new BindingEndpoint("broken", this.handlers, method("broken")));
		TopicEventListenerFactory listeners = new TopicEventListenerFactory(TopicHandlerMethodFactory.create(JSON),
				new CloudEventDataConverter(JSON), new DefaultTopicErrorHandler());
		this.service = new AppCallbackService(new DeliveryRoutes(this.topics, listeners), this.bindings,
				new BindingEventDispatcher(TopicHandlerMethodFactory.create(JSON)));
	}

	@Test
	void theSubscriptionsListRulesWithPathsTheDefaultRouteAndTheDeadLetterTopic() {
		Answer<ListTopicSubscriptionsResponse> answer = new Answer<>();
		this.service.listTopicSubscriptions(Empty.getDefaultInstance(), answer);
		TopicSubscription shapes = answer.value().getSubscriptions(0);
		assertThat(shapes.getPubsubName()).isEqualTo("pubsub");
		assertThat(shapes.getDeadLetterTopic()).isEqualTo("shapes-dead");
		assertThat(shapes.getRoutes().getRules(0).getMatch()).isEqualTo("event.type == \"circle\"");
		assertThat(shapes.getRoutes().getRules(0).getPath()).isEqualTo("/dapr/topics/pubsub/shapes/rule-0");
		assertThat(shapes.getRoutes().getDefault()).isEqualTo("/dapr/topics/pubsub/shapes");
	}

	@Test
	void theRulePathDaprdSendsBackSelectsTheHandlerAndNoPathMeansTheDefault() {
		assertThat(deliver("/dapr/topics/pubsub/shapes/rule-0", "round")).isEqualTo(TopicEventResponseStatus.SUCCESS);
		assertThat(deliver("", "other")).isEqualTo(TopicEventResponseStatus.SUCCESS);
		assertThat(this.handlers.received).containsExactly("circle:round", "other:other");
	}

	@Test
	void anEventForAPathNoHandlerServesIsDropped() {
		assertThat(deliver("/dapr/topics/pubsub/nothing", "lost")).isEqualTo(TopicEventResponseStatus.DROP);
		assertThat(this.handlers.received).isEmpty();
	}

	@Test
	void aBindingEventReachesItsListenerWithLowerCaseMetadata() {
		Answer<Object> answer = new Answer<>();
		this.service.onBindingEvent(BindingEventRequest.newBuilder()
			.setName("tick")
			.putMetadata("readTimeUTC", "now")
			.build(), cast(answer));
		assertThat(answer.error()).isNull();
		assertThat(this.handlers.received).containsExactly("tick:now");
	}

	@Test
	void aFailingBindingListenerIsAnsweredInternalAndAnUnknownBindingNotFound() {
		Answer<Object> failed = new Answer<>();
		this.service.onBindingEvent(BindingEventRequest.newBuilder().setName("broken").build(), cast(failed));
		assertThat(Status.fromThrowable(failed.error()).getCode()).isEqualTo(Status.Code.INTERNAL);
		assertThat(failed.error()).hasMessageContaining("The handler of input binding 'broken' failed");
		Answer<Object> unknown = new Answer<>();
		this.service.onBindingEvent(BindingEventRequest.newBuilder().setName("nope").build(), cast(unknown));
		assertThat(Status.fromThrowable(unknown.error()).getCode()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(unknown.error()).hasMessageContaining("No @BindingListener handles input binding 'nope'");
	}

	@Test
	void serviceInvocationIsUnimplementedNamingTheMethod() {
		Answer<Object> answer = new Answer<>();
		this.service.onInvoke(InvokeRequest.newBuilder().setMethod("orders").build(), cast(answer));
		assertThat(Status.fromThrowable(answer.error()).getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
		assertThat(answer.error()).hasMessageContaining("method 'orders' cannot be invoked");
	}

	private TopicEventResponseStatus deliver(String path, String data) {
		Answer<TopicEventResponse> answer = new Answer<>();
		this.service.onTopicEvent(TopicEventRequest.newBuilder()
			.setId("e-" + data)
			.setPubsubName("pubsub")
			.setTopic("shapes")
			.setPath(path)
			.setDataContentType("text/plain")
			.setData(ByteString.copyFromUtf8(data))
			.build(), answer);
		return answer.value().getStatus();
	}

	@SuppressWarnings("unchecked")
	private static <T> StreamObserver<T> cast(Answer<Object> answer) {
		return (StreamObserver<T>) (StreamObserver<?>) answer;
	}

	private static Method method(String name, Class<?>... parameterTypes) throws Exception {
		return Handlers.class.getDeclaredMethod(name, parameterTypes);
	}

	/** Collects what a unary call answered. */
	static class Answer<T> implements StreamObserver<T> {

		private final List<T> values = new ArrayList<>();

		private @Nullable Throwable error;

		private boolean completed;

		@Override
		public void onNext(T value) {
			this.values.add(value);
		}

		@Override
		public void onError(Throwable error) {
			this.error = error;
		}

		@Override
		public void onCompleted() {
			this.completed = true;
		}

		T value() {
			assertThat(this.completed).as("completed").isTrue();
			return this.values.get(0);
		}

		@Nullable Throwable error() {
			return this.error;
		}

	}

	static class Handlers {

		final List<String> received = new ArrayList<>();

		void circle(String data) {
			this.received.add("circle:" + data);
		}

		void other(String data) {
			this.received.add("other:" + data);
		}

		void tick(@Header("readtimeutc") String readTime) {
			this.received.add("tick:" + readTime);
		}

		void broken() {
			throw new IllegalStateException("broken on purpose");
		}

	}

}
