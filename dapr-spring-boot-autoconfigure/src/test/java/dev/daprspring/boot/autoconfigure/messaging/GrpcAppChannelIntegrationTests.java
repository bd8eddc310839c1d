package dev.daprspring.boot.autoconfigure.messaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.AppCallbackHealthCheckGrpc;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

import dev.daprspring.boot.sidecar.component.DaprComponent;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.pubsub.BulkPublishResult;
import dev.daprspring.messaging.annotation.Topic;
import dev.daprspring.messaging.binding.BindingEventDispatcher;
import dev.daprspring.messaging.binding.BindingListener;
import dev.daprspring.messaging.grpc.AppHealth;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rest of the gRPC app channel against a real daprd that runs with an app API token
 * and app health checks: bulk subscriptions ({@code OnBulkTopicEvent}), an input binding
 * from {@code bindings.cron} ({@code OnBindingEvent}), the token (UNAUTHENTICATED without
 * it on event calls; daprd 1.17 sends it on those, but not on the listings it reads at
 * startup nor on health probes) and {@code AppCallbackHealthCheck}. daprd only subscribes
 * once the app reports healthy, so every delivery here also proves its probe passed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dapr.sidecar.launch=always", "dapr.app.protocol=grpc", "spring.grpc.server.port=0",
				"dapr.sidecar.app-api-token=" + GrpcAppChannelIntegrationTests.TOKEN,
				"dapr.sidecar.arguments=--enable-app-health-check,--app-health-probe-interval,1" })
@ExtendWith(OutputCaptureExtension.class)
class GrpcAppChannelIntegrationTests {

	static final String TOKEN = "grpc-app-token-for-tests";

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	@Autowired
	SwitchableHealth health;

	@Value("${spring.grpc.server.port}")
	int grpcPort;

	private ManagedChannel channel;

	@DynamicPropertySource
	static void resources(DynamicPropertyRegistry registry) throws IOException {
		Path folder = Files.createTempDirectory("dapr-grpc-channel-test");
		for (DaprComponent component : new DaprComponent[] { DaprComponents.cronBinding("grpc-tick", "@every 1s"),
				DaprComponents.inMemoryPubSub("pubsub"), DaprComponents.inMemoryState("statestore") }) {
			Files.writeString(folder.resolve(component.name() + ".yaml"), component.toYaml());
		}
		registry.add("dapr.sidecar.resources-paths", folder::toString);
	}

	@BeforeEach
	void connect() {
		this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", this.grpcPort).usePlaintext().build();
	}

	@AfterEach
	void disconnect() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void bulkPublishedEventsReachTheBulkHandlerInBatchesAndAMalformedOneIsDeadLettered() throws Exception {
		// With app health checks daprd subscribes once a probe passed, and the in-memory pub/sub drops earlier events.
		Awaitility.await()
			.atMost(Received.PATIENCE)
			.until(() -> this.dapr.metadata()
				.subscriptions()
				.stream()
				.anyMatch((subscription) -> subscription.topic().equals("grpc-bulk")));
		BulkPublishResult result = this.dapr.pubsub()
			.publishAll("grpc-bulk", List.of(new Order("g-1", 1), new Order("g-2", 2), new Order("g-3", 3)));
		assertThat(result.failedEntries()).isEmpty();
		this.dapr.pubsub().publish("grpc-bulk", "not an order");
		Set<Order> orders = new HashSet<>();
		while (orders.size() < 3) {
			List<Order> batch = this.received.next("grpc-bulk");
			orders.addAll(batch);
		}
		assertThat(orders).containsExactlyInAnyOrder(new Order("g-1", 1), new Order("g-2", 2), new Order("g-3", 3));
		assertThat(this.received.<String>next("grpc-bulk-dead")).isEqualTo("not an order");
	}

	@Test
	void theCronBindingCallsTheListenerOverGrpcWithItsMetadataAsLowerCaseHeaders() throws Exception {
		Tick tick = this.received.next("grpc-tick");
		assertThat(tick.binding()).isEqualTo("grpc-tick");
		assertThat(tick.readTimeUtc()).isNotBlank();
	}

	@Test
	void aCallWithoutTheTokenIsUnauthenticatedAndItsPayloadIsNotLogged(CapturedOutput output) {
		TopicEventRequest secret = TopicEventRequest.newBuilder()
			.setId("forged-1")
			.setTopic("grpc-guarded")
			.setPubsubName("pubsub")
			.setPath("/dapr/topics/pubsub/grpc-guarded")
			.setData(ByteString.copyFromUtf8("\"4111-secret\""))
			.build();
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> AppCallbackGrpc.newBlockingStub(this.channel).onTopicEvent(secret))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> withToken("wrong").onTopicEvent(secret))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
		assertThat(output).contains("Rejected a call to dapr.proto.runtime.v1.AppCallback/OnTopicEvent: "
				+ "it has no dapr-api-token metadata")
			.contains("its dapr-api-token metadata does not match")
			.doesNotContain("4111-secret");
	}

	@Test
	void aCallWithTheTokenIsHandled() throws Exception {
		TopicEventRequest event = TopicEventRequest.newBuilder()
			.setId("direct-1")
			.setTopic("grpc-guarded")
			.setPubsubName("pubsub")
			.setPath("/dapr/topics/pubsub/grpc-guarded")
			.setDataContentType("text/plain")
			.setData(ByteString.copyFromUtf8("by hand"))
			.build();
		assertThat(withToken(TOKEN).onTopicEvent(event).getStatus().name()).isEqualTo("SUCCESS");
		assertThat(this.received.<String>next("grpc-guarded")).isEqualTo("by hand");
	}

	@Test
	void theHealthCheckAnswersFromTheAppHealthBeanWithoutTheToken() {
		AppCallbackHealthCheckGrpc.AppCallbackHealthCheckBlockingStub stub = AppCallbackHealthCheckGrpc
			.newBlockingStub(this.channel);
		assertThat(stub.healthCheck(Empty.getDefaultInstance())).isNotNull();
		this.health.healthy.set(false);
		try {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> stub.healthCheck(Empty.getDefaultInstance()))
				.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
		}
		finally {
			this.health.healthy.set(true);
		}
	}

	private AppCallbackGrpc.AppCallbackBlockingStub withToken(String token) {
		return AppCallbackGrpc.newBlockingStub(this.channel)
			.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(token(token)));
	}

	private static Metadata token(String token) {
		Metadata metadata = new Metadata();
		metadata.put(Metadata.Key.of("dapr-api-token", Metadata.ASCII_STRING_MARSHALLER), token);
		return metadata;
	}

	record Tick(String binding, String readTimeUtc) {
	}

	/** An app health a test can switch. */
	static class SwitchableHealth implements AppHealth {

		final AtomicBoolean healthy = new AtomicBoolean(true);

		@Override
		public boolean isHealthy() {
			return this.healthy.get();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Received.class, GrpcHandlers.class })
	static class App {

		@Bean
		SwitchableHealth switchableHealth() {
			return new SwitchableHealth();
		}

	}

	/**
	 * A bulk handler, a plain handler, dead-letter handlers and a binding listener.
	 */
	static class GrpcHandlers {

		private final Received received;

		GrpcHandlers(Received received) {
			this.received = received;
		}

		@Topic(name = "grpc-bulk", deadLetterTopic = "grpc-bulk-dead", bulk = "true", bulkMaxMessages = "10",
				bulkMaxAwaitMs = "100")
		void orders(List<Order> orders) {
			this.received.add("grpc-bulk", List.copyOf(orders));
		}

		@Topic(name = "grpc-bulk-dead")
		void dead(String text) {
			this.received.add("grpc-bulk-dead", text);
		}

		@Topic(name = "grpc-guarded")
		void guarded(String text) {
			this.received.add("grpc-guarded", text);
		}

		@BindingListener("grpc-tick")
		void tick(@Header(BindingEventDispatcher.BINDING_HEADER) String binding,
				@Header(name = "readtimeutc", required = false) @Nullable String readTimeUtc) {
			this.received.add("grpc-tick", new Tick(binding, (readTimeUtc != null) ? readTimeUtc : ""));
		}

	}

}
