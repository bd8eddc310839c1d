package dev.daprspring.boot.autoconfigure.messaging;

import java.util.concurrent.TimeUnit;

import com.google.protobuf.Empty;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.AppCallbackHealthCheckGrpc;
import io.dapr.v1.DaprAppCallbackProtos.BindingEventRequest;
import io.dapr.v1.DaprAppCallbackProtos.JobEventRequest;
import io.dapr.v1.DaprAppCallbackProtos.ListTopicSubscriptionsResponse;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.messaging.annotation.Topic;
import dev.daprspring.messaging.grpc.AppHealth;
import dev.daprspring.messaging.grpc.JobCallbackService;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@link DaprGrpcAppChannelAutoConfiguration} contributes with
 * {@code dapr.app.protocol=grpc}: the callback services on Spring gRPC's server (an
 * in-process one here), the app API token check, the health answer, and no servlets.
 */
class DaprGrpcAppChannelAutoConfigurationTests {

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
			DaprClientAutoConfiguration.class, DaprMessagingAutoConfiguration.class,
			DaprGrpcAppChannelAutoConfiguration.class, GrpcServerAutoConfiguration.class,
			GrpcServerFactoryAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
		.withPropertyValues("spring.grpc.server.inprocess.name=" + getClass().getSimpleName(),
				"spring.grpc.server.inprocess.exclusive=true");

	@Test
	void withoutTheGrpcProtocolThereAreNoCallbackServicesAndNoGrpcServer() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean("daprAppCallbackService")
			.doesNotHaveBean(GrpcServerLifecycle.class));
	}

	@Test
	void theGrpcProtocolServesTheSubscriptionsOnSpringGrpcsServerAndNoServlets() {
		new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues("spring.grpc.server.inprocess.name=" + getClass().getSimpleName() + "-web",
					"spring.grpc.server.inprocess.exclusive=true", "dapr.app.protocol=grpc")
			.withBean(Handlers.class)
			.run((context) -> {
				assertThat(context).hasBean("daprAppCallbackService")
					.hasBean("daprAppCallbackHealthService")
					.doesNotHaveBean("daprTopicServlet")
					.doesNotHaveBean("daprBindingServletInitializer")
					.hasSingleBean(GrpcServerLifecycle.class);
				ManagedChannel channel = InProcessChannelBuilder.forName(getClass().getSimpleName() + "-web").build();
				try {
					ListTopicSubscriptionsResponse subscriptions = AppCallbackGrpc.newBlockingStub(channel)
						.listTopicSubscriptions(Empty.getDefaultInstance());
					assertThat(subscriptions.getSubscriptionsList()).singleElement().satisfies((subscription) -> {
						assertThat(subscription.getTopic()).isEqualTo("orders");
						assertThat(subscription.getRoutes().getDefault()).isEqualTo("/dapr/topics/pubsub/orders");
					});
				}
				finally {
					channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
				}
			});
	}

	@Test
	void streamingDeliveryLeavesTheTopicsToTheStreamsAndTheCallbackListsNone() {
		this.runner.withPropertyValues("dapr.app.protocol=grpc", "dapr.messaging.delivery=streaming")
			.withBean(Handlers.class)
			.run((context) -> call((channel) -> assertThat(AppCallbackGrpc.newBlockingStub(channel)
				.listTopicSubscriptions(Empty.getDefaultInstance())
				.getSubscriptionsList()).isEmpty()));
	}

	@Test
	void withAnAppApiTokenEventsWithoutItAreUnauthenticatedButListingsAndHealthAreOpen() {
		this.runner.withPropertyValues("dapr.app.protocol=grpc", "dapr.app.api-token=secret").run((context) -> {
			call((channel) -> {
				BindingEventRequest event = BindingEventRequest.newBuilder().setName("tick").build();
				assertThatExceptionOfType(StatusRuntimeException.class)
					.isThrownBy(() -> AppCallbackGrpc.newBlockingStub(channel).onBindingEvent(event))
					.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
				// daprd 1.17 reads the listings and probes the health without the token.
				assertThat(AppCallbackGrpc.newBlockingStub(channel).listInputBindings(Empty.getDefaultInstance())
					.getBindingsList()).isEmpty();
				assertThat(AppCallbackHealthCheckGrpc.newBlockingStub(channel).healthCheck(Empty.getDefaultInstance()))
					.isNotNull();
				Metadata token = new Metadata();
				token.put(Metadata.Key.of("dapr-api-token", Metadata.ASCII_STRING_MARSHALLER), "secret");
				// Past the token check: no listener for the binding.
				assertThatExceptionOfType(StatusRuntimeException.class)
					.isThrownBy(() -> AppCallbackGrpc.newBlockingStub(channel)
						.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(token))
						.onBindingEvent(event))
					.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND))
					.withMessageContaining("No @BindingListener handles input binding 'tick'");
			});
		});
	}

	@Test
	void theHealthCheckAsksTheAppHealthBean() {
		this.runner.withPropertyValues("dapr.app.protocol=grpc")
			.withBean(AppHealth.class, () -> () -> false)
			.run((context) -> call((channel) -> assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> AppCallbackHealthCheckGrpc.newBlockingStub(channel)
					.healthCheck(Empty.getDefaultInstance()))
				.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE))));
		this.runner.withPropertyValues("dapr.app.protocol=grpc")
			.run((context) -> call((channel) -> assertThat(AppCallbackHealthCheckGrpc.newBlockingStub(channel)
				.healthCheck(Empty.getDefaultInstance())).isNotNull()));
	}

	@Test
	void withoutAnAppHealthBeanTheHealthCheckFollowsTheApplicationsLivenessState() {
		ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
		this.runner.withPropertyValues("dapr.app.protocol=grpc")
			.withBean(ApplicationAvailabilityBean.class, () -> availability)
			.run((context) -> {
				AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
				call((channel) -> assertThat(AppCallbackHealthCheckGrpc.newBlockingStub(channel)
					.healthCheck(Empty.getDefaultInstance())).isNotNull());
				AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
				call((channel) -> assertThatExceptionOfType(StatusRuntimeException.class)
					.isThrownBy(() -> AppCallbackHealthCheckGrpc.newBlockingStub(channel)
						.healthCheck(Empty.getDefaultInstance()))
					.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE)));
			});
	}

	@Test
	void aUserServiceOfTheSameNameReplacesTheCallback() {
		BindableService own = new AppCallbackGrpc.AppCallbackImplBase() {
		};
		this.runner.withPropertyValues("dapr.app.protocol=grpc")
			.withBean("daprAppCallbackService", BindableService.class, () -> own)
			.run((context) -> assertThat(context.getBean("daprAppCallbackService")).isSameAs(own));
	}

	@Test
	void theGrpcProtocolWithoutSpringGrpcsServerFailsSayingWhatToAdd() {
		this.runner.withPropertyValues("dapr.app.protocol=grpc")
			.withClassLoader(new FilteredClassLoader("org.springframework.grpc.server"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("dapr.app.protocol=grpc needs Spring gRPC's server")
				.hasMessageContaining("org.springframework.grpc:spring-grpc-server-spring-boot-starter"));
	}

	@Test
	void theAppCallbackServesDaprd118sStableJobCallbackBehindTheToken() {
		this.runner.withPropertyValues("dapr.app.protocol=grpc", "dapr.app.api-token=secret").run((context) -> {
			call((channel) -> {
				JobEventRequest event = JobEventRequest.newBuilder().setName("nightly").build();
				assertThatExceptionOfType(StatusRuntimeException.class)
					.isThrownBy(() -> ClientCalls.blockingUnaryCall(channel, JobCallbackService.ON_JOB_EVENT,
							CallOptions.DEFAULT, event))
					.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
				Metadata token = new Metadata();
				token.put(Metadata.Key.of("dapr-api-token", Metadata.ASCII_STRING_MARSHALLER), "secret");
				// Past the token check: no listener for the job, which daprd counts as done.
				assertThatExceptionOfType(StatusRuntimeException.class)
					.isThrownBy(() -> ClientCalls.blockingUnaryCall(
							ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(token)),
							JobCallbackService.ON_JOB_EVENT, CallOptions.DEFAULT, event))
					.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND))
					.withMessageContaining("No @DaprJobListener(\"nightly\")");
			});
		});
	}

	@Test
	void aUserDaprAppConnectionDetailsBeanSuppliesTheTokenInsteadOfTheProperty() {
		this.runner.withPropertyValues("dapr.app.protocol=grpc", "dapr.app.api-token=from-properties")
			.withBean(DaprAppConnectionDetails.class, () -> () -> "from-bean")
			.run((context) -> {
				assertThat(context).hasSingleBean(DaprAppConnectionDetails.class)
					.doesNotHaveBean(PropertiesDaprAppConnectionDetails.class);
				call((channel) -> {
					BindingEventRequest event = BindingEventRequest.newBuilder().setName("tick").build();
					assertThatExceptionOfType(StatusRuntimeException.class)
						.isThrownBy(() -> onBindingEventWithToken(channel, event, "from-properties"))
						.satisfies((ex) -> assertThat(ex.getStatus().getCode())
							.isEqualTo(Status.Code.UNAUTHENTICATED));
					// Past the token check: no listener for the binding.
					assertThatExceptionOfType(StatusRuntimeException.class)
						.isThrownBy(() -> onBindingEventWithToken(channel, event, "from-bean"))
						.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
				});
			});
	}

	private static void onBindingEventWithToken(ManagedChannel channel, BindingEventRequest event, String token) {
		Metadata headers = new Metadata();
		headers.put(Metadata.Key.of("dapr-api-token", Metadata.ASCII_STRING_MARSHALLER), token);
		AppCallbackGrpc.newBlockingStub(channel)
			.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
			.onBindingEvent(event);
	}

	private void call(ChannelUse use) throws Exception {
		ManagedChannel channel = InProcessChannelBuilder.forName(getClass().getSimpleName()).build();
		try {
			use.accept(channel);
		}
		finally {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	@FunctionalInterface
	interface ChannelUse {

		void accept(ManagedChannel channel) throws Exception;

	}

	static class Handlers {

		@Topic(name = "orders")
		void orders(String order) {
		}

	}

}
