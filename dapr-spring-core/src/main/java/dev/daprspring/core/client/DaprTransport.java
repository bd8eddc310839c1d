package dev.daprspring.core.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprMetadataProtos.GetMetadataRequest;
import io.dapr.v1.DaprMetadataProtos.RegisteredComponents;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.error.DaprErrorTranslator;
import dev.daprspring.core.error.DaprSidecarUnavailableException;
import dev.daprspring.core.observation.DaprClientObservationContext;
import dev.daprspring.core.observation.DaprClientObservationConvention;
import dev.daprspring.core.observation.DefaultDaprClientObservationConvention;

/**
 * Calls the sidecar's gRPC API on the calling thread over one shared channel: the API
 * token on every call, the deadline from the options, errors translated, each call
 * observed (and retried by a {@link DaprCallPolicy} when one is set).
 */
public final class DaprTransport implements AutoCloseable {

	private static final Metadata.Key<String> API_TOKEN = Metadata.Key.of("dapr-api-token",
			Metadata.ASCII_STRING_MARSHALLER);

	private static final DaprClientObservationConvention DEFAULT_CONVENTION = new DefaultDaprClientObservationConvention();

	private final DaprClientOptions options;

	// Built on first use when owned: building it (Netty, gRPC's transport) was the most
	// expensive step of an application's startup, and many applications call the sidecar
	// only later, if at all.
	private volatile @Nullable ManagedChannel channel;

	private final boolean ownsChannel;

	private boolean closed;

	private final DaprGrpc.DaprBlockingStub blocking;

	private final DaprGrpc.DaprStub async;

	private final Channel tokenChannel;

	private final DaprErrorTranslator errors;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable DaprClientObservationConvention observationConvention;

	private DaprCallPolicy policy = DaprCallPolicy.NONE;

	/** A transport with its own channel, closed by {@link #close()}. */
	public DaprTransport(DaprClientOptions options) {
		this(options, null, true);
		// An invalid endpoint still fails at once, not on the first call.
		DaprChannels.check(options.grpcEndpoint());
	}

	/** A transport on a channel owned by the caller. */
	public DaprTransport(DaprClientOptions options, ManagedChannel channel) {
		this(options, channel, false);
	}

	private DaprTransport(DaprClientOptions options, @Nullable ManagedChannel channel, boolean ownsChannel) {
		this.options = options;
		this.channel = channel;
		this.ownsChannel = ownsChannel;
		Channel shared = (channel != null) ? channel : new FirstUseChannel();
		DaprGrpc.DaprBlockingStub blocking = DaprGrpc.newBlockingStub(shared);
		DaprGrpc.DaprStub async = DaprGrpc.newStub(shared);
		Channel tokenChannel = shared;
		if (options.apiToken() != null) {
			Metadata headers = new Metadata();
			headers.put(API_TOKEN, options.apiToken());
			blocking = blocking.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
			async = async.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
			tokenChannel = ClientInterceptors.intercept(shared, MetadataUtils.newAttachHeadersInterceptor(headers));
		}
		this.tokenChannel = tokenChannel;
		this.blocking = blocking;
		this.async = async;
		this.errors = new DaprErrorTranslator(options.grpcEndpoint(), this::componentsForErrors);
	}

	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	public void setObservationConvention(@Nullable DaprClientObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/** Retries and circuit breaking around each call; none by default. */
	public void setCallPolicy(DaprCallPolicy policy) {
		this.policy = policy;
	}

	public DaprClientOptions getOptions() {
		return this.options;
	}

	/**
	 * Runs one blocking call.
	 * @param call what is called, for observation, policies and error messages
	 * @param rpc the call on a stub that carries the token and the deadline
	 * @return the response
	 * @throws org.springframework.dao.DataAccessException translated from the gRPC status
	 */
	public <T> T call(DaprCall call, Function<DaprGrpc.DaprBlockingStub, T> rpc) {
		return this.policy.execute(call, () -> observe(call, this.blocking, this.options.timeout(), rpc));
	}

	/**
	 * The shared channel with the API token on every call, for the other services daprd
	 * serves on its gRPC port (the durable-task protocol of workflows).
	 */
	public Channel tokenChannel() {
		return this.tokenChannel;
	}

	/**
	 * Runs one blocking call on a stub of another service made on {@link #tokenChannel()}:
	 * observed, under the call policy and translated like {@link #call}, answered within
	 * {@code timeout} rather than the options' (calls that wait for something, such as a
	 * workflow's completion, take longer).
	 * @param call what is called, for observation, policies and error messages
	 * @param stub the stub the call is made on
	 * @param timeout how long the call may take
	 * @param rpc the call
	 * @return the response
	 */
	public <S extends AbstractStub<S>, T> T call(DaprCall call, S stub, Duration timeout, Function<S, T> rpc) {
		return this.policy.execute(call, () -> observe(call, stub, timeout, rpc));
	}

	/**
	 * Runs one streaming call that the calling thread drives to its end: observed like
	 * {@link #call}, and, when {@code replayable} (its whole input can be sent again, as
	 * a byte array can and a caller's {@code InputStream} cannot), under the call policy.
	 * @param call what is called, for observation, policies and error messages
	 * @param replayable whether a failed attempt may be made again
	 * @param rpc the call on the asynchronous stub (with the token and the observation's
	 * trace headers), throwing errors already {@link #translate translated}
	 * @return what {@code rpc} returns
	 */
	public <T> T stream(DaprCall call, boolean replayable, Function<DaprGrpc.DaprStub, T> rpc) {
		Supplier<T> attempt = () -> {
			try {
				return observeStream(call, rpc);
			}
			catch (DaprSidecarUnavailableException ex) {
				resetConnectBackoff();
				throw ex;
			}
		};
		return replayable ? this.policy.execute(call, attempt) : attempt.get();
	}

	private <T> T observeStream(DaprCall call, Function<DaprGrpc.DaprStub, T> rpc) {
		if (this.observationRegistry.isNoop()) {
			return rpc.apply(this.async);
		}
		Metadata headers = new Metadata();
		DaprClientObservationContext context = new DaprClientObservationContext(call, headers);
		Observation observation = Observation.createNotStarted(this.observationConvention, DEFAULT_CONVENTION,
				() -> context, this.observationRegistry);
		return observation.observe(
				() -> rpc.apply(this.async.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))));
	}

	/**
	 * Makes the channel connect at once on its next call instead of after its reconnect
	 * backoff (which grows to minutes while the sidecar is down).
	 */
	public void resetConnectBackoff() {
		ManagedChannel channel = this.channel;
		if (channel != null) {
			channel.resetConnectBackoff();
		}
	}

	/** The asynchronous stub (with the token, without a deadline), for streaming calls. */
	public DaprGrpc.DaprStub asyncStub() {
		return this.async;
	}

	/** Translates an error of a call made on {@link #asyncStub()}. */
	public RuntimeException translate(Throwable error, DaprCall call) {
		return (error instanceof StatusRuntimeException status) ? this.errors.translate(status, call)
				: (error instanceof RuntimeException runtime) ? runtime : new IllegalStateException(error);
	}

	private <S extends AbstractStub<S>, T> T observe(DaprCall call, S stub, Duration timeout, Function<S, T> rpc) {
		if (this.observationRegistry.isNoop()) {
			return invoke(call, rpc, stub, timeout);
		}
		Metadata headers = new Metadata();
		DaprClientObservationContext context = new DaprClientObservationContext(call, headers);
		Observation observation = Observation.createNotStarted(this.observationConvention, DEFAULT_CONVENTION,
				() -> context, this.observationRegistry);
		return observation.observe(() -> {
			// Started now, so the tracing handler has written traceparent into headers.
			return invoke(call, rpc, stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)), timeout);
		});
	}

	private <S extends AbstractStub<S>, T> T invoke(DaprCall call, Function<S, T> rpc, S stub, Duration timeout) {
		// The timeout is enforced here rather than as a gRPC deadline: a deadline travels as a
		// grpc-timeout header whose value differs on every call, which defeats header
		// compression on both sides (measured: about 12% more CPU per call).
		Context.CancellableContext scope = Context.current().withCancellation();
		CallTimeouts.INSTANCE.watch(scope, timeout.toNanos());
		Context previous = scope.attach();
		try {
			return rpc.apply(stub);
		}
		catch (StatusRuntimeException ex) {
			if (ex.getStatus().getCode() == Status.Code.UNAVAILABLE) {
				// After a sidecar restart the channel would otherwise wait out its reconnect
				// backoff (growing to minutes); the next attempt connects at once instead.
				resetConnectBackoff();
			}
			throw this.errors.translate(timedOut(ex), call);
		}
		finally {
			scope.detach(previous);
			CallTimeouts.INSTANCE.forget(scope);
			scope.cancel(null);
		}
	}

	private static StatusRuntimeException timedOut(StatusRuntimeException ex) {
		if (ex.getStatus().getCode() == Status.Code.CANCELLED && ex.getStatus().getCause() instanceof CallTimeouts.Timeout) {
			return Status.DEADLINE_EXCEEDED.withDescription("no answer within the client timeout").asRuntimeException();
		}
		return ex;
	}

	private DaprGrpc.DaprBlockingStub stub() {
		return this.blocking;
	}

	private List<RegisteredComponents> componentsForErrors() {
		return stub().withDeadlineAfter(5, TimeUnit.SECONDS)
			.getMetadata(GetMetadataRequest.getDefaultInstance())
			.getRegisteredComponentsList();
	}

	private ManagedChannel channel() {
		ManagedChannel channel = this.channel;
		if (channel == null) {
			synchronized (this) {
				channel = this.channel;
				if (channel == null) {
					channel = DaprChannels.create(this.options);
					if (this.closed) {
						// A call after close() fails as it did on the channel close() shut down.
						channel.shutdownNow();
					}
					this.channel = channel;
				}
			}
		}
		return channel;
	}

	@Override
	public void close() {
		if (!this.ownsChannel) {
			return;
		}
		ManagedChannel channel;
		synchronized (this) {
			this.closed = true;
			channel = this.channel;
		}
		if (channel == null) {
			return;
		}
		channel.shutdown();
		try {
			if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
				channel.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			channel.shutdownNow();
		}
	}

	/** The owned channel, built when the first call is made on it. */
	private final class FirstUseChannel extends Channel {

		@Override
		public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions callOptions) {
			return channel().newCall(method, callOptions);
		}

		@Override
		public String authority() {
			return channel().authority();
		}

	}

}
