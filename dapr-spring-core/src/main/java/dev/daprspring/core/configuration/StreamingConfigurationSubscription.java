package dev.daprspring.core.configuration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.dapr.v1.DaprConfigurationProtos.SubscribeConfigurationRequest;
import io.dapr.v1.DaprConfigurationProtos.SubscribeConfigurationResponse;
import io.dapr.v1.DaprConfigurationProtos.UnsubscribeConfigurationRequest;
import io.dapr.v1.DaprConfigurationProtos.UnsubscribeConfigurationResponse;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;

/**
 * A {@code SubscribeConfiguration} stream: its first message carries the subscription
 * id, the later ones the changes, handed to the listener until it is unsubscribed.
 */
final class StreamingConfigurationSubscription implements ConfigurationSubscription,
		ClientResponseObserver<SubscribeConfigurationRequest, SubscribeConfigurationResponse> {

	private static final Log logger = LogFactory.getLog(StreamingConfigurationSubscription.class);

	private final DaprTransport transport;

	private final String store;

	private final List<String> keys;

	private final Consumer<Map<String, ConfigurationItem>> listener;

	private final DaprCall call;

	private final CompletableFuture<String> id = new CompletableFuture<>();

	// Held while a change is delivered, so none is delivered once unsubscribe() returns.
	private final Object delivery = new Object();

	private boolean unsubscribed;

	private volatile boolean streamOpen = true;

	private volatile @Nullable ClientCallStreamObserver<SubscribeConfigurationRequest> stream;

	private StreamingConfigurationSubscription(DaprTransport transport, SubscribeConfigurationRequest request,
			Consumer<Map<String, ConfigurationItem>> listener) {
		this.transport = transport;
		this.store = request.getStoreName();
		this.keys = List.copyOf(request.getKeysList());
		this.listener = listener;
		this.call = DaprCall.read(DaprConfigurationOperations.BLOCK, "subscribe", this.store);
	}

	/** Opens the stream and waits for the subscription id, or the error that replaced it. */
	static StreamingConfigurationSubscription open(DaprTransport transport, SubscribeConfigurationRequest request,
			Consumer<Map<String, ConfigurationItem>> listener) {
		StreamingConfigurationSubscription subscription = new StreamingConfigurationSubscription(transport, request,
				listener);
		transport.asyncStub().subscribeConfiguration(request, subscription);
		subscription.awaitId();
		return subscription;
	}

	private void awaitId() {
		long timeout = this.transport.getOptions().timeout().toNanos();
		try {
			this.id.get(timeout, TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw this.transport.translate(ex.getCause(), this.call);
		}
		catch (TimeoutException ex) {
			cancel("no subscription id in time");
			throw this.transport.translate(Status.DEADLINE_EXCEEDED
				.withDescription("the sidecar sent no subscription id within " + this.transport.getOptions().timeout())
				.asRuntimeException(), this.call);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			cancel("interrupted");
			throw new IllegalStateException("Interrupted while subscribing to configuration store '" + this.store + "'",
					ex);
		}
	}

	@Override
	public String id() {
		return this.id.getNow("");
	}

	@Override
	public String storeName() {
		return this.store;
	}

	@Override
	public List<String> keys() {
		return this.keys;
	}

	@Override
	public boolean isActive() {
		return this.streamOpen && !isUnsubscribed();
	}

	@Override
	public void beforeStart(ClientCallStreamObserver<SubscribeConfigurationRequest> stream) {
		this.stream = stream;
	}

	@Override
	public void onNext(SubscribeConfigurationResponse response) {
		if (!this.id.isDone()) {
			this.id.complete(response.getId());
		}
		if (response.getItemsCount() == 0) {
			return;
		}
		Map<String, ConfigurationItem> items = DaprConfigurationOperations.items(response.getItemsMap());
		synchronized (this.delivery) {
			if (this.unsubscribed) {
				return;
			}
			try {
				this.listener.accept(items);
			}
			catch (RuntimeException ex) {
				// One failing listener call must not end the stream.
				logger.warn("Listener of configuration store '" + this.store + "' failed on " + items.keySet(), ex);
			}
		}
	}

	@Override
	public void onError(Throwable error) {
		this.streamOpen = false;
		if (this.id.completeExceptionally(error)) {
			// Failed before the id came: open() throws it.
			return;
		}
		if (!isUnsubscribed()) {
			logger.warn("Subscription " + id() + " to configuration store '" + this.store + "' ended: "
					+ this.transport.translate(error, this.call).getMessage());
		}
	}

	@Override
	public void onCompleted() {
		this.streamOpen = false;
		if (this.id.completeExceptionally(new IllegalStateException("The Dapr sidecar ended the subscription to "
				+ "configuration store '" + this.store + "' before sending its id"))) {
			return;
		}
		if (!isUnsubscribed()) {
			logger.warn("The Dapr sidecar ended subscription " + id() + " to configuration store '" + this.store
					+ "'; no further changes will arrive");
		}
	}

	@Override
	public void unsubscribe() {
		synchronized (this.delivery) {
			if (this.unsubscribed) {
				return;
			}
			this.unsubscribed = true;
		}
		try {
			if (this.streamOpen && !id().isEmpty()) {
				UnsubscribeConfigurationRequest request = UnsubscribeConfigurationRequest.newBuilder()
					.setStoreName(this.store)
					.setId(id())
					.build();
				UnsubscribeConfigurationResponse response = this.transport.call(
						DaprCall.write(DaprConfigurationOperations.BLOCK, "unsubscribe", this.store),
						(dapr) -> dapr.unsubscribeConfiguration(request));
				if (!response.getOk() && logger.isDebugEnabled()) {
					logger.debug("Unsubscribing " + id() + " from configuration store '" + this.store + "': "
							+ response.getMessage());
				}
			}
		}
		finally {
			// Closing our end of the stream also makes daprd drop the subscription.
			cancel("unsubscribed");
		}
	}

	private boolean isUnsubscribed() {
		synchronized (this.delivery) {
			return this.unsubscribed;
		}
	}

	private void cancel(String why) {
		ClientCallStreamObserver<SubscribeConfigurationRequest> stream = this.stream;
		if (stream != null) {
			stream.cancel(why, null);
		}
	}

	@Override
	public String toString() {
		return "ConfigurationSubscription[" + this.store + " " + this.keys + ", id=" + id() + "]";
	}

}
