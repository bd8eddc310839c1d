package dev.daprspring.core.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.protobuf.Empty;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprPubsubProtos.BulkPublishRequest;
import io.dapr.v1.DaprPubsubProtos.BulkPublishResponse;
import io.dapr.v1.DaprPubsubProtos.PublishEventRequest;
import io.dapr.v1.DaprStateProtos.SaveStateRequest;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.error.DaprEtagMismatchException;
import dev.daprspring.core.error.DaprOutcomeUnknownException;
import dev.daprspring.core.state.SaveOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which writes the call policy repeats after the connection closed under them (grpc-java's
 * {@code UNKNOWN: channel closed}, as when daprd is killed mid-call), against an
 * in-process gRPC server that answers as the sidecar would: a publish keeps the CloudEvent
 * id it was given before its first attempt, ETag-guarded saves are repeated but a
 * conflict found by the repetition is an unknown outcome, and other writes are not
 * repeated at all.
 */
class AmbiguousWriteTests {

	private static final Status CONNECTION_CLOSED = Status.UNKNOWN.withDescription("channel closed");

	private static final Status ETAG_MISMATCH = Status.ABORTED
		.withDescription("failed saving state in state store statestore: possible etag mismatch");

	private final Queue<Status> failures = new ConcurrentLinkedQueue<>();

	private final List<PublishEventRequest> publishes = new CopyOnWriteArrayList<>();

	private final List<BulkPublishRequest> bulkPublishes = new CopyOnWriteArrayList<>();

	private final List<SaveStateRequest> saves = new CopyOnWriteArrayList<>();

	private Server server;

	private DaprTransport transport;

	private DaprTemplate dapr;

	@BeforeEach
	void start() throws Exception {
		DaprGrpc.DaprImplBase sidecar = new DaprGrpc.DaprImplBase() {

			@Override
			public void publishEvent(PublishEventRequest request, StreamObserver<Empty> response) {
				AmbiguousWriteTests.this.publishes.add(request);
				answer(response);
			}

			@Override
			public void bulkPublishEvent(BulkPublishRequest request, StreamObserver<BulkPublishResponse> response) {
				AmbiguousWriteTests.this.bulkPublishes.add(request);
				Status failure = AmbiguousWriteTests.this.failures.poll();
				if (failure != null) {
					response.onError(failure.asRuntimeException());
					return;
				}
				response.onNext(BulkPublishResponse.getDefaultInstance());
				response.onCompleted();
			}

			@Override
			public void saveState(SaveStateRequest request, StreamObserver<Empty> response) {
				AmbiguousWriteTests.this.saves.add(request);
				answer(response);
			}

		};
		this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
			.addService(sidecar)
			.build()
			.start();
		this.transport = new DaprTransport(
				DaprClientOptions.of("http://127.0.0.1:" + this.server.getPort(), "http://127.0.0.1:1", null));
		this.transport.setCallPolicy(new ResilientCallPolicy((block) -> new ResilientCallPolicy.Settings(3,
				Duration.ofMillis(1), 1.0, false, 50, 20, 10, Duration.ofSeconds(1))));
		this.dapr = new DaprTemplate(this.transport, JsonMapper.builder().build());
	}

	@AfterEach
	void stop() {
		this.transport.close();
		this.server.shutdownNow();
	}

	@Test
	void aPublishRepeatedAfterTheConnectionClosedCarriesTheCloudEventIdOfItsFirstAttempt() {
		this.failures.add(CONNECTION_CLOSED);
		this.dapr.pubsub("pubsub").publish("orders", "order-1");
		assertThat(this.publishes).hasSize(2);
		String firstId = this.publishes.get(0).getMetadataMap().get("cloudevent.id");
		assertThat(firstId).isNotBlank();
		assertThat(this.publishes.get(1).getMetadataMap()).containsEntry("cloudevent.id", firstId);
	}

	@Test
	void aBulkPublishRepeatedAfterTheConnectionClosedCarriesTheCloudEventIdsOfItsFirstAttempt() {
		this.failures.add(CONNECTION_CLOSED);
		this.dapr.pubsub("pubsub").publishAll("orders", List.of("order-1", "order-2"));
		assertThat(this.bulkPublishes).hasSize(2);
		List<String> firstIds = this.bulkPublishes.get(0)
			.getEntriesList()
			.stream()
			.map((entry) -> entry.getMetadataMap().get("cloudevent.id"))
			.toList();
		assertThat(firstIds).doesNotContainNull().doesNotHaveDuplicates().hasSize(2);
		assertThat(this.bulkPublishes.get(1).getEntriesList())
			.extracting((entry) -> entry.getMetadataMap().get("cloudevent.id"))
			.containsExactlyElementsOf(firstIds);
	}

	@Test
	void aPlainSaveWhoseConnectionClosedIsNotRepeatedAndSaysItsOutcomeIsUnknown() {
		this.failures.add(CONNECTION_CLOSED);
		assertThatExceptionOfType(DaprOutcomeUnknownException.class)
			.isThrownBy(() -> this.dapr.state("statestore").save("k", "v"))
			.withMessageContaining("state.save on 'statestore'")
			.withMessageContaining("may or may not have taken effect");
		assertThat(this.saves).hasSize(1);
	}

	@Test
	void anEtagGuardedSaveIsRepeatedAfterTheConnectionClosed() {
		this.failures.add(CONNECTION_CLOSED);
		this.dapr.state("statestore").save("k", "v", SaveOptions.ifMatch("3"));
		assertThat(this.saves).hasSize(2);
	}

	@Test
	void anEtagConflictFoundByTheRepetitionIsAnUnknownOutcomeNotNothingWritten() {
		this.failures.add(CONNECTION_CLOSED);
		this.failures.add(ETAG_MISMATCH);
		assertThatExceptionOfType(DaprOutcomeUnknownException.class)
			.isThrownBy(() -> this.dapr.state("statestore").save("k", "v", SaveOptions.ifMatch("3")))
			.withMessageContaining("state.save may or may not have been written")
			.withCauseInstanceOf(DaprEtagMismatchException.class);
		assertThat(this.saves).hasSize(2);
	}

	@Test
	void anEtagConflictOnTheFirstAttemptIsStillAConflict() {
		this.failures.add(ETAG_MISMATCH);
		assertThatExceptionOfType(DaprEtagMismatchException.class)
			.isThrownBy(() -> this.dapr.state("statestore").save("k", "v", SaveOptions.ifMatch("3")))
			.withMessageContaining("nothing was written");
	}

	private void answer(StreamObserver<Empty> response) {
		Status failure = this.failures.poll();
		if (failure != null) {
			response.onError(failure.asRuntimeException());
			return;
		}
		response.onNext(Empty.getDefaultInstance());
		response.onCompleted();
	}

}
