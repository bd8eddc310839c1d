package dev.daprspring.core.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprMetadataProtos.GetMetadataRequest;
import io.dapr.v1.DaprMetadataProtos.GetMetadataResponse;
import io.dapr.v1.DaprMetadataProtos.RegisteredComponents;
import io.dapr.v1.DaprStateProtos.GetStateRequest;
import io.dapr.v1.DaprStateProtos.GetStateResponse;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.daprspring.core.error.DaprComponentNotFoundException;
import dev.daprspring.core.error.DaprEtagMismatchException;
import dev.daprspring.core.error.DaprSidecarUnavailableException;
import dev.daprspring.core.error.DaprUnsupportedOperationException;
import dev.daprspring.core.testsupport.TracingObservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The transport's headers, observations and error mapping, against an in-process gRPC
 * server that answers as the sidecar would.
 */
class DaprTransportTests {

	private final AtomicReference<Metadata> lastHeaders = new AtomicReference<>();

	private final AtomicReference<com.google.rpc.Status> nextError = new AtomicReference<>();

	private Server server;

	private DaprTransport transport;

	@AfterEach
	void stop() {
		if (this.transport != null) {
			this.transport.close();
		}
		if (this.server != null) {
			this.server.shutdownNow();
		}
	}

	@Test
	void everyCallCarriesTheApiToken() throws Exception {
		start("s3cret");
		this.transport.call(DaprCall.read("state", "get", "store"), (dapr) -> dapr.getState(request()));
		assertThat(this.lastHeaders.get().get(Metadata.Key.of("dapr-api-token", Metadata.ASCII_STRING_MARSHALLER)))
			.isEqualTo("s3cret");
	}

	@Test
	void callsAreObservedWithLowCardinalityTagsAndCarryTheTraceContext() throws Exception {
		start(null);
		TestObservationRegistry registry = TracingObservations.registry();
		this.transport.setObservationRegistry(registry);
		this.transport.call(DaprCall.read("state", "get", "store"), (dapr) -> dapr.getState(request()));
		assertThat(this.lastHeaders.get().get(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER)))
			.isEqualTo(TracingObservations.TRACEPARENT);
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("dapr.client.requests")
			.that()
			.hasLowCardinalityKeyValue("dapr.building-block", "state")
			.hasLowCardinalityKeyValue("dapr.operation", "get")
			.hasLowCardinalityKeyValue("dapr.component", "store")
			.hasLowCardinalityKeyValue("outcome", "success");

		fail(Code.ABORTED, "possible etag mismatch", "ERR_STATE_SAVE");
		assertThatExceptionOfType(DaprEtagMismatchException.class).isThrownBy(
				() -> this.transport.call(DaprCall.write("state", "save", "store"), (dapr) -> dapr.getState(request())));
		TestObservationRegistryAssert.assertThat(registry)
			.hasAnObservationWithAKeyValue("outcome", "aborted");
	}

	@Test
	void aMissingComponentListsTheComponentsOfThatKind() throws Exception {
		start(null);
		fail(Code.INVALID_ARGUMENT, "pubsub orders is not found", "DAPR_PUBSUB_NOT_FOUND");
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> this.transport.call(DaprCall.write("pubsub", "publish", "orders"),
					(dapr) -> dapr.getState(request())))
			.withMessageContaining("No pub/sub named 'orders'")
			.withMessageContaining("it has: events (pubsub.redis)")
			.withMessageNotContaining("statestore")
			.satisfies((ex) -> assertThat(ex.getDetails().reason()).isEqualTo("DAPR_PUBSUB_NOT_FOUND"));
	}

	@Test
	void anUnsupportedFeatureNamesTheStoresCapabilities() throws Exception {
		start(null);
		fail(Code.INTERNAL, "state store does not support querying", "DAPR_STATE_QUERYING_NOT_SUPPORTED");
		assertThatExceptionOfType(DaprUnsupportedOperationException.class)
			.isThrownBy(() -> this.transport.call(DaprCall.read("state", "query", "statestore"),
					(dapr) -> dapr.getState(request())))
			.withMessageContaining("state.in-memory/v1 with capabilities ETAG, TRANSACTIONAL")
			.withMessageContaining("QUERY_API");
	}

	@Test
	void aCallWithoutAnAnswerEndsAtTheClientTimeoutWithoutSendingADeadlineHeader() throws Exception {
		start(null);
		this.transport.close();
		this.transport = new DaprTransport(DaprClientOptions.of("http://127.0.0.1:" + this.server.getPort(),
				"http://127.0.0.1:1", null).withTimeout(java.time.Duration.ofMillis(300)));
		this.transport.call(DaprCall.read("state", "get", "store"), (dapr) -> dapr.getState(request()));
		assertThat(this.lastHeaders.get().containsKey(Metadata.Key.of("grpc-timeout", Metadata.ASCII_STRING_MARSHALLER)))
			.isFalse();
		GetStateRequest slow = GetStateRequest.newBuilder().setStoreName("store").setKey("slow").build();
		assertThatExceptionOfType(dev.daprspring.core.error.DaprTimeoutException.class)
			.isThrownBy(() -> this.transport.call(DaprCall.read("state", "get", "store"), (dapr) -> dapr.getState(slow)))
			.withMessageContaining("state.get on 'store' did not finish within its deadline")
			.withMessageContaining("the client's timeout");
	}

	@Test
	void aCallAfterTheTimeoutWatchdogWentIdleStillEndsAtItsTimeout() throws Exception {
		start(null);
		this.transport.close();
		this.transport = new DaprTransport(DaprClientOptions.of("http://127.0.0.1:" + this.server.getPort(),
				"http://127.0.0.1:1", null).withTimeout(java.time.Duration.ofMillis(300)));
		GetStateRequest slow = GetStateRequest.newBuilder().setStoreName("store").setKey("slow").build();
		for (int i = 0; i < 2; i++) {
			// Between the calls nothing is in flight, so the watchdog parks and must be woken.
			Thread.sleep(200);
			assertThatExceptionOfType(dev.daprspring.core.error.DaprTimeoutException.class)
				.isThrownBy(() -> this.transport.call(DaprCall.read("state", "get", "store"), (dapr) -> dapr.getState(slow)));
		}
	}

	@Test
	void anInvalidEndpointFailsWhenTheTransportIsMadeNotOnItsFirstCall() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new DaprTransport(DaprClientOptions.of("ftp://sidecar:1", "http://127.0.0.1:1", null)))
			.withMessageStartingWith("Invalid Dapr gRPC endpoint 'ftp://sidecar:1'");
	}

	@Test
	void aTransportNeverCalledClosesAndACallAfterCloseFailsAsSidecarUnavailable() throws Exception {
		start(null);
		this.transport.resetConnectBackoff();
		this.transport.close();
		assertThatExceptionOfType(DaprSidecarUnavailableException.class).isThrownBy(() -> this.transport
			.call(DaprCall.read("state", "get", "store"), (dapr) -> dapr.getState(request())));
	}

	@Test
	void theTokenChannelCarriesTheApiTokenOnItsFirstCall() throws Exception {
		start("s3cret");
		DaprGrpc.DaprBlockingStub stub = DaprGrpc.newBlockingStub(this.transport.tokenChannel());
		this.transport.call(DaprCall.read("state", "get", "store"), stub, Duration.ofSeconds(5),
				(dapr) -> dapr.getState(request()));
		assertThat(this.lastHeaders.get().get(Metadata.Key.of("dapr-api-token", Metadata.ASCII_STRING_MARSHALLER)))
			.isEqualTo("s3cret");
	}

	private void fail(Code code, String message, String reason) {
		this.nextError.set(com.google.rpc.Status.newBuilder()
			.setCode(code.getNumber())
			.setMessage(message)
			.addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain("dapr.io").build()))
			.build());
	}

	private static GetStateRequest request() {
		return GetStateRequest.newBuilder().setStoreName("store").setKey("k").build();
	}

	private void start(String token) throws Exception {
		DaprGrpc.DaprImplBase sidecar = new DaprGrpc.DaprImplBase() {
			@Override
			public void getState(GetStateRequest request, StreamObserver<GetStateResponse> responses) {
				if (request.getKey().equals("slow")) {
					// Never answers: the client's timeout has to end the call.
					return;
				}
				com.google.rpc.Status error = DaprTransportTests.this.nextError.getAndSet(null);
				if (error != null) {
					responses.onError(StatusProto.toStatusRuntimeException(error));
					return;
				}
				responses.onNext(GetStateResponse.newBuilder().setData(ByteString.copyFromUtf8("1")).build());
				responses.onCompleted();
			}

			@Override
			public void getMetadata(GetMetadataRequest request, StreamObserver<GetMetadataResponse> responses) {
				responses.onNext(GetMetadataResponse.newBuilder()
					.addAllRegisteredComponents(List.of(component("statestore", "state.in-memory"),
							component("events", "pubsub.redis")))
					.build());
				responses.onCompleted();
			}
		};
		ServerInterceptor capture = new ServerInterceptor() {
			@Override
			public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
					ServerCallHandler<Q, R> next) {
				if (call.getMethodDescriptor().getBareMethodName().equals("GetState")) {
					DaprTransportTests.this.lastHeaders.set(headers);
				}
				return next.startCall(call, headers);
			}
		};
		this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
			.addService(ServerInterceptors.intercept(sidecar, capture))
			.build()
			.start();
		String endpoint = "http://127.0.0.1:" + this.server.getPort();
		this.transport = new DaprTransport(DaprClientOptions.of(endpoint, "http://127.0.0.1:1", token));
	}

	private static RegisteredComponents component(String name, String type) {
		return RegisteredComponents.newBuilder()
			.setName(name)
			.setType(type)
			.setVersion("v1")
			.addCapabilities("ETAG")
			.addCapabilities("TRANSACTIONAL")
			.build();
	}

}
