package dev.daprspring.benchmarks.state;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.google.protobuf.ByteString;
import io.dapr.v1.CommonProtos.StateItem;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprStateProtos.GetStateRequest;
import io.dapr.v1.DaprStateProtos.GetStateResponse;
import io.dapr.v1.DaprStateProtos.SaveStateRequest;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.client.DaprChannels;
import dev.daprspring.core.client.DaprClientOptions;

/**
 * The baseline: the generated blocking stub on a plain channel, with the same Jackson 3
 * JSON work as the template and nothing else (no deadline, no observation, no error
 * translation). Its variants add one thing the template does, to show what it costs.
 */
final class RawStubStateClient extends StateClient {

	/** What a variant adds to the plain stub call. */
	enum Extra {

		/** A fresh stub with a 60 s deadline per call, as {@code DaprTransport} makes. */
		DEADLINE,

		/** {@code contentType: application/json} metadata on the saved item, as the template sends. */
		CONTENT_TYPE,

		/** The channel {@code DaprChannels} builds for the template (user agent, message size limit). */
		TEMPLATE_CHANNEL,

		/**
		 * A 60 s timeout kept in this JVM (a timer that cancels the call) instead of a
		 * deadline, so no {@code grpc-timeout} header is sent.
		 */
		CANCEL_TIMER

	}

	private static final ScheduledThreadPoolExecutor TIMER = timer();

	private final ManagedChannel channel;

	private final DaprGrpc.DaprBlockingStub dapr;

	private final JsonMapper json = JsonMapper.builder().build();

	private final boolean deadline;

	private final boolean contentType;

	private final boolean cancelTimer;

	private RawStubStateClient(String name, ManagedChannel channel, StateKeys keys, Extra... extras) {
		super(name, keys);
		this.channel = channel;
		this.dapr = DaprGrpc.newBlockingStub(channel);
		this.deadline = List.of(extras).contains(Extra.DEADLINE);
		this.contentType = List.of(extras).contains(Extra.CONTENT_TYPE);
		this.cancelTimer = List.of(extras).contains(Extra.CANCEL_TIMER);
	}

	/** The plain baseline, named {@code raw}. */
	static RawStubStateClient connect(DaprSidecar dapr, StateKeys keys) {
		return connect("raw", dapr, keys);
	}

	/** A variant with extras, for finding where the template's time goes. */
	static RawStubStateClient connect(String name, DaprSidecar dapr, StateKeys keys, Extra... extras) {
		ManagedChannel channel = List.of(extras).contains(Extra.TEMPLATE_CHANNEL)
				? DaprChannels.create(DaprClientOptions.of(dapr.grpcEndpoint(), dapr.httpEndpoint(), null))
				: NettyChannelBuilder.forAddress("127.0.0.1", dapr.grpcPort()).usePlaintext().build();
		return new RawStubStateClient(name, channel, keys, extras);
	}

	@Override
	protected void save(String key, Order value) throws Exception {
		StateItem.Builder item = StateItem.newBuilder()
			.setKey(key)
			.setValue(ByteString.copyFrom(this.json.writeValueAsBytes(value)));
		if (this.contentType) {
			item.putMetadata("contentType", "application/json");
		}
		SaveStateRequest request = SaveStateRequest.newBuilder().setStoreName(STORE).addStates(item).build();
		if (this.cancelTimer) {
			withTimeout(() -> stub().saveState(request));
		}
		else {
			stub().saveState(request);
		}
	}

	@Override
	protected @Nullable Order get(String key) throws Exception {
		GetStateRequest request = GetStateRequest.newBuilder().setStoreName(STORE).setKey(key).build();
		GetStateResponse response = this.cancelTimer ? withTimeout(() -> stub().getState(request))
				: stub().getState(request);
		return response.getData().isEmpty() ? null : this.json.readValue(response.getData().toByteArray(), Order.class);
	}

	private static <T> T withTimeout(Callable<T> rpc) throws Exception {
		Context.CancellableContext context = Context.current().withCancellation();
		ScheduledFuture<?> timeout = TIMER.schedule(() -> context.cancel(new TimeoutException("60 s")), 60,
				TimeUnit.SECONDS);
		try {
			return context.call(rpc);
		}
		finally {
			timeout.cancel(false);
			context.cancel(null);
		}
	}

	private DaprGrpc.DaprBlockingStub stub() {
		return this.deadline ? this.dapr.withDeadlineAfter(60, TimeUnit.SECONDS) : this.dapr;
	}

	private static ScheduledThreadPoolExecutor timer() {
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "raw-timeouts");
			thread.setDaemon(true);
			return thread;
		});
		timer.setRemoveOnCancelPolicy(true);
		return timer;
	}

	@Override
	public void close() throws InterruptedException {
		this.channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
	}

}
