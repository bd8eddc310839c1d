package dev.daprspring.boot.sidecar;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import io.dapr.v1.CommonProtos.StateItem;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventRequest;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse;
import io.dapr.v1.DaprMetadataProtos.GetMetadataRequest;
import io.dapr.v1.DaprMetadataProtos.GetMetadataResponse;
import io.dapr.v1.DaprMetadataProtos.RegisteredComponents;
import io.dapr.v1.DaprPubsubProtos.PublishEventRequest;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestInitialAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestProcessedAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsResponseAlpha1;
import io.dapr.v1.DaprStateProtos.GetStateRequest;
import io.dapr.v1.DaprStateProtos.SaveStateRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.component.DaprComponent;
import dev.daprspring.boot.sidecar.component.DaprComponents;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;
import dev.daprspring.boot.sidecar.testsupport.SidecarGrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The process launcher against a real daprd.
 */
class DaprSidecarIntegrationTests {

	private static final String DAPRD_VERSION = System.getProperty("daprd.version", "1.18.2");

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void metadataReportsTheBuiltVersionAndTheComponentsWithCapabilities() throws Exception {
		try (DaprSidecar dapr = DaprSidecar.builder("meta")
			.component(DaprComponents.inMemoryState("statestore"))
			.component(DaprComponents.inMemoryPubSub("pubsub"))
			.start()) {
			JsonNode metadata = getJson(dapr.httpEndpoint() + "/v1.0/metadata", null);
			assertThat(metadata.path("id").asString()).isEqualTo("meta");
			assertThat(metadata.path("runtimeVersion").asString()).isEqualTo(DAPRD_VERSION);
			try (SidecarGrpc grpc = new SidecarGrpc(dapr.grpcEndpoint(), null)) {
				GetMetadataResponse viaGrpc = grpc.blocking().getMetadata(GetMetadataRequest.getDefaultInstance());
				assertThat(viaGrpc.getRuntimeVersion()).isEqualTo(DAPRD_VERSION);
				assertThat(viaGrpc.getRegisteredComponentsList()).extracting(RegisteredComponents::getName)
					.contains("statestore", "pubsub");
				RegisteredComponents state = viaGrpc.getRegisteredComponentsList()
					.stream()
					.filter((c) -> c.getName().equals("statestore"))
					.findFirst()
					.orElseThrow();
				assertThat(state.getType()).isEqualTo("state.in-memory");
				assertThat(state.getCapabilitiesList()).contains("ETAG", "TRANSACTIONAL");
			}
		}
	}

	@Test
	void savesAndReadsStateThroughTheGeneratedStubsOnInMemoryState() throws Exception {
		try (DaprSidecar dapr = DaprSidecar.builder("state-memory")
			.component(DaprComponents.inMemoryState("statestore"))
			.start(); SidecarGrpc grpc = new SidecarGrpc(dapr.grpcEndpoint(), null)) {
			assertStateRoundTrip(grpc, "statestore");
		}
	}

	@Test
	void savesAndReadsStateThroughTheGeneratedStubsOnRedis() throws Exception {
		try (LocalRedisServer redis = LocalRedisServer.start();
				DaprSidecar dapr = DaprSidecar.builder("state-redis")
					.component(DaprComponents.redisState("statestore", redis.address()))
					.start();
				SidecarGrpc grpc = new SidecarGrpc(dapr.grpcEndpoint(), null)) {
			assertStateRoundTrip(grpc, "statestore");
		}
	}

	@Test
	void publishesAnEventAndReceivesItOnAStreamingSubscription() throws Exception {
		try (DaprSidecar dapr = DaprSidecar.builder("pubsub")
			.component(DaprComponents.inMemoryPubSub("pubsub"))
			.start(); SidecarGrpc grpc = new SidecarGrpc(dapr.grpcEndpoint(), null)) {
			BlockingQueue<SubscribeTopicEventsResponseAlpha1> received = new LinkedBlockingQueue<>();
			StreamObserver<SubscribeTopicEventsRequestAlpha1> requests = grpc.async()
				.subscribeTopicEventsAlpha1(new StreamObserver<>() {
					@Override
					public void onNext(SubscribeTopicEventsResponseAlpha1 value) {
						received.add(value);
					}

					@Override
					public void onError(Throwable error) {
					}

					@Override
					public void onCompleted() {
					}
				});
			requests.onNext(SubscribeTopicEventsRequestAlpha1.newBuilder()
				.setInitialRequest(
						SubscribeTopicEventsRequestInitialAlpha1.newBuilder().setPubsubName("pubsub").setTopic("orders"))
				.build());
			SubscribeTopicEventsResponseAlpha1 initial = received.poll(10, TimeUnit.SECONDS);
			assertThat(initial).isNotNull();
			assertThat(initial.hasInitialResponse()).isTrue();

			grpc.blocking()
				.publishEvent(PublishEventRequest.newBuilder()
					.setPubsubName("pubsub")
					.setTopic("orders")
					.setData(ByteString.copyFromUtf8("{\"id\":42}"))
					.setDataContentType("application/json")
					.build());

			SubscribeTopicEventsResponseAlpha1 delivery = received.poll(10, TimeUnit.SECONDS);
			assertThat(delivery).isNotNull();
			TopicEventRequest event = delivery.getEventMessage();
			assertThat(event.getTopic()).isEqualTo("orders");
			assertThat(event.getPubsubName()).isEqualTo("pubsub");
			assertThat(event.getData().toStringUtf8()).isEqualTo("{\"id\":42}");
			requests.onNext(SubscribeTopicEventsRequestAlpha1.newBuilder()
				.setEventProcessed(SubscribeTopicEventsRequestProcessedAlpha1.newBuilder()
					.setId(event.getId())
					.setStatus(TopicEventResponse.newBuilder()
						.setStatus(TopicEventResponse.TopicEventResponseStatus.SUCCESS)))
				.build());
			requests.onCompleted();
		}
	}

	@Test
	void aChosenPortThatIsTakenIsNamedBeforeDaprdRuns() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			DaprSidecar.Builder builder = DaprSidecar.builder("collide")
				.component(DaprComponents.inMemoryState("statestore"))
				.grpcPort(taken.getLocalPort());
			try (DaprSidecar dapr = builder.build()) {
				assertThatExceptionOfType(DaprSidecarException.class).isThrownBy(dapr::start)
					.withMessageContaining("gRPC port " + taken.getLocalPort() + " is already in use");
				assertThat(dapr.isRunning()).isFalse();
			}
		}
	}

	@Test
	void aMissingDaprdNamesWhereItLookedAndHowToInstall(@TempDir Path dir) {
		try (DaprSidecar dapr = DaprSidecar.builder("nobinary").daprd(dir.resolve("daprd")).build()) {
			assertThatExceptionOfType(DaprdNotFoundException.class).isThrownBy(dapr::start)
				.withMessageContaining(dir.resolve("daprd").toString())
				.withMessageContaining("dapr init --slim")
				.withMessageContaining("scripts/install-daprd");
		}
	}

	@Test
	void aComponentThatFailsToInitialiseFailsStartWithDaprdsLogLines() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (DaprSidecar dapr = DaprSidecar.builder("badcomponent")
			.component(DaprComponents.redisState("brokenstore", "127.0.0.1:" + closedPort))
			.startupTimeout(Duration.ofSeconds(60))
			.build()) {
			assertThatExceptionOfType(DaprSidecarException.class).isThrownBy(dapr::start)
				.withMessageContaining("daprd for app 'badcomponent' exited")
				.withMessageContaining("brokenstore")
				.withMessageContaining(dapr.logFile().toString());
			assertThat(dapr.isRunning()).isFalse();
		}
	}

	@Test
	void aFailedStartLeavesNoProcessNorShutdownHookSoStartCanBeTriedAgain() {
		try (DaprSidecar dapr = DaprSidecar.builder("failedstart").arguments("--no-such-flag").build()) {
			assertThatExceptionOfType(DaprSidecarException.class).isThrownBy(dapr::start)
				.withMessageContaining("daprd for app 'failedstart' exited");
			assertThat(dapr.holdsProcess()).isFalse();
			// Again daprd's own failure, not "already running".
			assertThatExceptionOfType(DaprSidecarException.class).isThrownBy(dapr::start)
				.withMessageContaining("daprd for app 'failedstart' exited");
			assertThat(dapr.holdsProcess()).isFalse();
		}
	}

	@Test
	void anUnknownComponentTypeFailsStartWithDaprdsReason() {
		try (DaprSidecar dapr = DaprSidecar.builder("unknowntype")
			.component(DaprComponent.of("mystery", "state.does-not-exist"))
			.build()) {
			assertThatExceptionOfType(DaprSidecarException.class).isThrownBy(dapr::start)
				.withMessageContaining("state.does-not-exist");
		}
	}

	@Test
	void stopsAndRestartsOnTheSamePortsKeepingWhatRedisHolds() throws Exception {
		try (LocalRedisServer redis = LocalRedisServer.start();
				DaprSidecar dapr = DaprSidecar.builder("restart")
					.component(DaprComponents.redisState("statestore", redis.address()))
					.start()) {
			int httpPort = dapr.httpPort();
			int grpcPort = dapr.grpcPort();
			try (SidecarGrpc grpc = new SidecarGrpc(dapr.grpcEndpoint(), null)) {
				save(grpc, "statestore", "kept", "{\"v\":1}");
			}
			dapr.stop();
			assertThat(dapr.isRunning()).isFalse();
			assertThat(Ports.isAvailable(httpPort)).isTrue();
			assertThatExceptionOfType(IOException.class)
				.isThrownBy(() -> getJson("http://127.0.0.1:" + httpPort + "/v1.0/healthz", null));

			dapr.start();
			assertThat(dapr.httpPort()).isEqualTo(httpPort);
			assertThat(dapr.grpcPort()).isEqualTo(grpcPort);
			try (SidecarGrpc grpc = new SidecarGrpc(dapr.grpcEndpoint(), null)) {
				assertThat(read(grpc, "statestore", "kept")).isEqualTo("{\"v\":1}");
			}
			dapr.restart();
			assertThat(dapr.isRunning()).isTrue();
			assertThat(Files.readString(dapr.logFile())).contains("--app-id restart");
		}
	}

	@Test
	void twoSidecarsRunSideBySideOnTheirOwnPorts() throws Exception {
		try (DaprSidecar one = DaprSidecar.builder("one").component(DaprComponents.inMemoryState("statestore")).start();
				DaprSidecar two = DaprSidecar.builder("two")
					.component(DaprComponents.inMemoryState("statestore"))
					.start();
				SidecarGrpc grpcOne = new SidecarGrpc(one.grpcEndpoint(), null);
				SidecarGrpc grpcTwo = new SidecarGrpc(two.grpcEndpoint(), null)) {
			assertThat(List.of(one.httpPort(), one.grpcPort(), one.internalGrpcPort(), one.metricsPort()))
				.doesNotContainAnyElementsOf(
						List.of(two.httpPort(), two.grpcPort(), two.internalGrpcPort(), two.metricsPort()));
			save(grpcOne, "statestore", "k", "\"from one\"");
			save(grpcTwo, "statestore", "k", "\"from two\"");
			assertThat(read(grpcOne, "statestore", "k")).isEqualTo("\"from one\"");
			assertThat(read(grpcTwo, "statestore", "k")).isEqualTo("\"from two\"");
			assertThat(getJson(one.httpEndpoint() + "/v1.0/metadata", null).path("id").asString()).isEqualTo("one");
			assertThat(getJson(two.httpEndpoint() + "/v1.0/metadata", null).path("id").asString()).isEqualTo("two");
		}
	}

	@Test
	void anApiTokenIsRequiredOnEveryCallButNotOnHealth() throws Exception {
		try (DaprSidecar dapr = DaprSidecar.builder("secured")
			.component(DaprComponents.inMemoryState("statestore"))
			.apiToken("s3cret")
			.start()) {
			assertThat(status(dapr.httpEndpoint() + "/v1.0/metadata", null)).isEqualTo(401);
			assertThat(status(dapr.httpEndpoint() + "/v1.0/metadata", "wrong")).isEqualTo(401);
			assertThat(status(dapr.httpEndpoint() + "/v1.0/metadata", "s3cret")).isEqualTo(200);
			assertThat(status(dapr.httpEndpoint() + "/v1.0/healthz", null)).isEqualTo(204);
			try (SidecarGrpc anonymous = new SidecarGrpc(dapr.grpcEndpoint(), null);
					SidecarGrpc wrong = new SidecarGrpc(dapr.grpcEndpoint(), "wrong");
					SidecarGrpc right = new SidecarGrpc(dapr.grpcEndpoint(), "s3cret")) {
				assertThatExceptionOfType(StatusRuntimeException.class)
					.isThrownBy(() -> read(anonymous, "statestore", "k"))
					.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
				assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> read(wrong, "statestore", "k"))
					.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
				save(right, "statestore", "k", "1");
				assertThat(read(right, "statestore", "k")).isEqualTo("1");
			}
			// stop() must authenticate its shutdown request too, or it would wait and kill.
			long started = System.nanoTime();
			dapr.stop();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		}
	}

	@Test
	void usesTheUsersOwnResourcesFolderAndConfiguration(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("cache.yaml"), DaprComponents.inMemoryState("cache").toYaml());
		try (DaprSidecar dapr = DaprSidecar.builder("ownresources")
			.resourcesPath(dir)
			.component(DaprComponent.fromYaml("""
					apiVersion: dapr.io/v1alpha1
					kind: Component
					metadata:
					  name: raw
					spec:
					  type: pubsub.in-memory
					  version: v1
					"""))
			.configuration("""
					apiVersion: dapr.io/v1alpha1
					kind: Configuration
					metadata:
					  name: testconfig
					spec:
					  tracing:
					    samplingRate: "1"
					""")
			.start()) {
			JsonNode metadata = getJson(dapr.httpEndpoint() + "/v1.0/metadata", null);
			assertThat(metadata.path("components").valueStream().map((c) -> c.path("name").asString()))
				.contains("cache", "raw");
			assertThat(dapr.logTail(200)).contains("--config");
		}
	}

	private void assertStateRoundTrip(SidecarGrpc grpc, String store) {
		save(grpc, store, "order-1", "{\"id\":\"order-1\",\"total\":12.5}");
		assertThat(read(grpc, store, "order-1")).isEqualTo("{\"id\":\"order-1\",\"total\":12.5}");
		assertThat(read(grpc, store, "missing")).isEmpty();
	}

	private static void save(SidecarGrpc grpc, String store, String key, String json) {
		grpc.blocking()
			.saveState(SaveStateRequest.newBuilder()
				.setStoreName(store)
				.addStates(StateItem.newBuilder().setKey(key).setValue(ByteString.copyFromUtf8(json)))
				.build());
	}

	private static String read(SidecarGrpc grpc, String store, String key) {
		return grpc.blocking()
			.getState(GetStateRequest.newBuilder().setStoreName(store).setKey(key).build())
			.getData()
			.toStringUtf8();
	}

	private JsonNode getJson(String url, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (token != null) {
			request.header("dapr-api-token", token);
		}
		return this.json.readTree(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
	}

	private int status(String url, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (token != null) {
			request.header("dapr-api-token", token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
