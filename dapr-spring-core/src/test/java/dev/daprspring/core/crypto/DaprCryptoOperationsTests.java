package dev.daprspring.core.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.google.protobuf.ByteString;
import io.dapr.v1.CommonProtos.StreamPayload;
import io.dapr.v1.DaprCryptoProtos.DecryptRequest;
import io.dapr.v1.DaprCryptoProtos.DecryptResponse;
import io.dapr.v1.DaprCryptoProtos.EncryptRequest;
import io.dapr.v1.DaprCryptoProtos.EncryptResponse;
import io.dapr.v1.DaprGrpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprApiException;
import dev.daprspring.core.error.DaprTimeoutException;
import dev.daprspring.core.testsupport.TracingObservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's side of the crypto streams against an in-process gRPC server that plays the
 * sidecar: chunking and sequence numbers, back-pressure, failures part-way and timeouts.
 */
class DaprCryptoOperationsTests {

	private final List<EncryptRequest> encryptRequests = new CopyOnWriteArrayList<>();

	private final AtomicReference<DecryptScript> decrypt = new AtomicReference<>();

	private final AtomicReference<Metadata> lastHeaders = new AtomicReference<>();

	private Server server;

	private DaprTransport transport;

	private CryptoOperations crypto;

	@BeforeEach
	void start() throws Exception {
		DaprGrpc.DaprImplBase sidecar = new DaprGrpc.DaprImplBase() {
			@Override
			public StreamObserver<EncryptRequest> encryptAlpha1(StreamObserver<EncryptResponse> responses) {
				// Echoes each chunk back with its own numbering, as daprd numbers its answers.
				return new StreamObserver<>() {
					long seq;

					@Override
					public void onNext(EncryptRequest request) {
						DaprCryptoOperationsTests.this.encryptRequests.add(request);
						if (request.hasPayload()) {
							responses.onNext(EncryptResponse.newBuilder()
								.setPayload(StreamPayload.newBuilder()
									.setData(request.getPayload().getData())
									.setSeq(this.seq++))
								.build());
						}
					}

					@Override
					public void onError(Throwable error) {
					}

					@Override
					public void onCompleted() {
						responses.onCompleted();
					}
				};
			}

			@Override
			public StreamObserver<DecryptRequest> decryptAlpha1(StreamObserver<DecryptResponse> responses) {
				DaprCryptoOperationsTests.this.decrypt.get()
					.start((ServerCallStreamObserver<DecryptResponse>) responses);
				return new StreamObserver<>() {
					@Override
					public void onNext(DecryptRequest request) {
					}

					@Override
					public void onError(Throwable error) {
					}

					@Override
					public void onCompleted() {
					}
				};
			}
		};
		ServerInterceptor capture = new ServerInterceptor() {
			@Override
			public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
					ServerCallHandler<Q, R> next) {
				DaprCryptoOperationsTests.this.lastHeaders.set(headers);
				return next.startCall(call, headers);
			}
		};
		this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
			.addService(ServerInterceptors.intercept(sidecar, capture))
			.build()
			.start();
		String endpoint = "http://127.0.0.1:" + this.server.getPort();
		this.transport = new DaprTransport(
				DaprClientOptions.of(endpoint, "http://127.0.0.1:1", null).withTimeout(Duration.ofSeconds(2)));
		this.crypto = new DaprCryptoOperations(this.transport, "keys");
	}

	@AfterEach
	void stop() {
		this.transport.close();
		this.server.shutdownNow();
	}

	@Test
	void sendsTheOptionsFirstThenNumberedChunksOfAtMost64KiB() throws Exception {
		byte[] plaintext = new byte[3 * DaprCryptoOperations.CHUNK_SIZE + 10];
		new Random(1).nextBytes(plaintext);
		ByteArrayOutputStream echoed = new ByteArrayOutputStream();
		this.crypto.encrypt(new ByteArrayInputStream(plaintext), echoed,
				EncryptOptions.of("k.pem", KeyWrapAlgorithm.RSA_OAEP_256)
					.withCipher(DataEncryptionCipher.CHACHA20_POLY1305)
					.withDecryptionKeyName("private.pem"));
		assertThat(echoed.toByteArray()).isEqualTo(plaintext);
		EncryptRequest first = this.encryptRequests.get(0);
		assertThat(first.hasPayload()).isFalse();
		assertThat(first.getOptions().getComponentName()).isEqualTo("keys");
		assertThat(first.getOptions().getKeyName()).isEqualTo("k.pem");
		assertThat(first.getOptions().getKeyWrapAlgorithm()).isEqualTo("RSA-OAEP-256");
		assertThat(first.getOptions().getDataEncryptionCipher()).isEqualTo("chacha20-poly1305");
		assertThat(first.getOptions().getDecryptionKeyName()).isEqualTo("private.pem");
		assertThat(first.getOptions().getOmitDecryptionKeyName()).isFalse();
		List<EncryptRequest> chunks = this.encryptRequests.subList(1, this.encryptRequests.size());
		assertThat(chunks).extracting((request) -> request.getPayload().getSeq()).containsExactly(0L, 1L, 2L, 3L);
		assertThat(chunks).extracting((request) -> request.getPayload().getData().size())
			.containsExactly(65536, 65536, 65536, 10);
		assertThat(chunks).noneMatch(EncryptRequest::hasOptions);
	}

	@Test
	void anEmptyInputSendsOnlyTheOptions() {
		assertThat(this.crypto.encrypt(new byte[0], EncryptOptions.of("k", KeyWrapAlgorithm.A256KW))).isEmpty();
		assertThat(this.encryptRequests).hasSize(1);
	}

	@Test
	void answersAreRequestedOnlyAsFastAsTheyAreWritten() throws Exception {
		// The sidecar sends whenever gRPC lets it. While the caller's output is stuck, the
		// client asks for no more, so the sidecar cannot get far ahead: with no back-pressure
		// all 400 chunks (25 MiB) would pile up in the client.
		int total = 400;
		int farAhead = 100;
		AtomicLong sent = new AtomicLong();
		CountDownLatch gotFarAhead = new CountDownLatch(1);
		this.decrypt.set((responses) -> responses.setOnReadyHandler(() -> {
			while (sent.get() < total && responses.isReady()) {
				responses.onNext(chunk(sent.getAndIncrement()));
				if (sent.get() >= farAhead) {
					gotFarAhead.countDown();
				}
			}
			if (sent.get() == total) {
				sent.incrementAndGet();
				responses.onCompleted();
			}
		}));
		AtomicLong sentWhileStuck = new AtomicLong(-1);
		CountingOutput output = new CountingOutput(() -> {
			// Waits for the sidecar to get far ahead, which it should not manage to.
			gotFarAhead.await(3, TimeUnit.SECONDS);
			sentWhileStuck.set(sent.get());
		});
		this.crypto.decrypt(new ByteArrayInputStream(new byte[10]), output);
		assertThat(sentWhileStuck.get()).isBetween(1L, (long) farAhead - 1);
		assertThat(output.count).isEqualTo((long) total * DaprCryptoOperations.CHUNK_SIZE);
	}

	@Test
	void aFailurePartWayKeepsWhatWasWrittenAndThrows() {
		this.decrypt.set((responses) -> {
			responses.onNext(chunk(0));
			responses.onNext(chunk(1));
			responses.onError(Status.INTERNAL
				.withDescription("failed to perform operation: error processing segment 2: failed to decrypt segment")
				.asRuntimeException());
		});
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		assertThatExceptionOfType(DaprDecryptionException.class)
			.isThrownBy(() -> this.crypto.decrypt(new ByteArrayInputStream(new byte[10]), output))
			.withMessageContaining("altered or truncated");
		assertThat(output.size()).isEqualTo(2 * DaprCryptoOperations.CHUNK_SIZE);
		// The byte-array method returns nothing at all.
		assertThatExceptionOfType(DaprDecryptionException.class).isThrownBy(() -> this.crypto.decrypt(new byte[10]));
	}

	@Test
	void aGapInTheAnswersSequenceEndsTheCall() {
		this.decrypt.set((responses) -> {
			responses.onNext(chunk(0));
			responses.onNext(chunk(2));
		});
		assertThatExceptionOfType(DaprApiException.class).isThrownBy(() -> this.crypto.decrypt(new byte[10]))
			.withMessageContaining("the sidecar sent chunk 2 where chunk 1 was due");
	}

	@Test
	void aSidecarThatStopsAnsweringTimesOut() {
		this.decrypt.set((responses) -> {
		});
		assertThatExceptionOfType(DaprTimeoutException.class).isThrownBy(() -> this.crypto.decrypt(new byte[10]))
			.withMessageContaining("crypto.decrypt on 'keys'");
	}

	@Test
	void aStreamIsOneObservationThatCarriesTheTraceContext() {
		TestObservationRegistry registry = TracingObservations.registry();
		this.transport.setObservationRegistry(registry);
		this.crypto.encrypt(new byte[100], EncryptOptions.of("k", KeyWrapAlgorithm.A256KW));
		assertThat(this.lastHeaders.get().get(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER)))
			.isEqualTo(TracingObservations.TRACEPARENT);
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("dapr.client.requests")
			.that()
			.hasLowCardinalityKeyValue("dapr.building-block", "crypto")
			.hasLowCardinalityKeyValue("dapr.operation", "encrypt")
			.hasLowCardinalityKeyValue("dapr.component", "keys")
			.hasLowCardinalityKeyValue("outcome", "success");
		this.decrypt.set((responses) -> responses.onError(Status.INTERNAL
			.withDescription("failed to perform operation: failed to validate the document's signature")
			.asRuntimeException()));
		TestObservationRegistry failures = TestObservationRegistry.create();
		this.transport.setObservationRegistry(failures);
		assertThatExceptionOfType(DaprDecryptionException.class).isThrownBy(() -> this.crypto.decrypt(new byte[10]));
		TestObservationRegistryAssert.assertThat(failures)
			.hasObservationWithNameEqualTo("dapr.client.requests")
			.that()
			.hasLowCardinalityKeyValue("dapr.operation", "decrypt")
			.hasLowCardinalityKeyValue("outcome", "internal")
			.hasError();
	}

	private static DecryptResponse chunk(long seq) {
		return DecryptResponse.newBuilder()
			.setPayload(StreamPayload.newBuilder()
				.setData(ByteString.copyFrom(new byte[DaprCryptoOperations.CHUNK_SIZE]))
				.setSeq(seq))
			.build();
	}

	@FunctionalInterface
	interface DecryptScript {

		void start(ServerCallStreamObserver<DecryptResponse> responses);

	}

	@FunctionalInterface
	interface Blocking {

		void run() throws InterruptedException;

	}

	/** Counts what is written; its first write runs {@code first} before it returns. */
	static final class CountingOutput extends OutputStream {

		private final Blocking first;

		private boolean started;

		long count;

		CountingOutput(Blocking first) {
			this.first = first;
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] buffer, int offset, int length) {
			if (!this.started) {
				this.started = true;
				try {
					this.first.run();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
			this.count += length;
		}

	}

}
