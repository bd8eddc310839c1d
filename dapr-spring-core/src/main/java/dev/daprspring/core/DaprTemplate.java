package dev.daprspring.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Empty;
import io.dapr.v1.DaprMetadataProtos.GetMetadataRequest;
import io.dapr.v1.DaprProtos.ShutdownRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.binding.BindingOperations;
import dev.daprspring.core.binding.DaprBindingOperations;
import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.configuration.ConfigurationOperations;
import dev.daprspring.core.configuration.DaprConfigurationOperations;
import dev.daprspring.core.conversation.ConversationOperations;
import dev.daprspring.core.conversation.DaprConversationOperations;
import dev.daprspring.core.convert.DaprValueConverter;
import dev.daprspring.core.crypto.CryptoOperations;
import dev.daprspring.core.crypto.DaprCryptoOperations;
import dev.daprspring.core.error.DaprSidecarUnavailableException;
import dev.daprspring.core.invoke.DaprServiceInvocation;
import dev.daprspring.core.job.DaprJobOperations;
import dev.daprspring.core.job.JobOperations;
import dev.daprspring.core.lock.DaprLockOperations;
import dev.daprspring.core.lock.LockOperations;
import dev.daprspring.core.metadata.SidecarMetadata;
import dev.daprspring.core.metadata.SidecarMetadataMapper;
import dev.daprspring.core.pubsub.DaprPubSubOperations;
import dev.daprspring.core.pubsub.PubSubOperations;
import dev.daprspring.core.secret.DaprSecretOperations;
import dev.daprspring.core.secret.SecretOperations;
import dev.daprspring.core.state.DaprStateOperations;
import dev.daprspring.core.state.StateOperations;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * The entry point to a Dapr sidecar: one per application, thread-safe, calls made on the
 * calling thread over one shared gRPC channel.
 */
public class DaprTemplate implements DaprOperations {

	private final DaprTransport transport;

	private final DaprValueConverter converter;

	private final Map<String, StateOperations> stateStores = new ConcurrentHashMap<>();

	private @Nullable String defaultStateStore = "statestore";

	private final Map<String, PubSubOperations> pubsubs = new ConcurrentHashMap<>();

	private @Nullable String defaultPubsub = "pubsub";

	private final BindingOperations bindings;

	private final JobOperations jobs;

	private final Map<String, CryptoOperations> cryptoComponents = new ConcurrentHashMap<>();

	private final ConversationOperations conversation;

	private final LockOperations locks;

	private RestClient.Builder restClientBuilder = RestClient.builder();

	public DaprTemplate(DaprTransport transport, JsonMapper jsonMapper) {
		this.transport = transport;
		this.converter = new DaprValueConverter(jsonMapper);
		this.bindings = new DaprBindingOperations(transport, this.converter);
		this.jobs = new DaprJobOperations(transport, this.converter);
		this.conversation = new DaprConversationOperations(transport);
		this.locks = new DaprLockOperations(transport);
	}

	/** The state store {@link #state()} uses; {@code statestore} by default. */
	public void setDefaultStateStore(@Nullable String defaultStateStore) {
		this.defaultStateStore = defaultStateStore;
	}

	/**
	 * The builder {@link #restClient(String)} starts from (never changed), so the
	 * application's message converters apply; {@code RestClient.builder()} by default.
	 */
	public void setRestClientBuilder(RestClient.Builder restClientBuilder) {
		this.restClientBuilder = restClientBuilder;
	}

	/** The pub/sub {@link #pubsub()} uses; {@code pubsub} by default. */
	public void setDefaultPubsub(@Nullable String defaultPubsub) {
		this.defaultPubsub = defaultPubsub;
	}

	public DaprTransport getTransport() {
		return this.transport;
	}

	public DaprValueConverter getConverter() {
		return this.converter;
	}

	@Override
	public StateOperations state() {
		Assert.state(this.defaultStateStore != null,
				"No default state store: set dapr.state.default-store or use state(\"name\")");
		return state(this.defaultStateStore);
	}

	@Override
	public StateOperations state(String storeName) {
		return this.stateStores.computeIfAbsent(storeName,
				(name) -> new DaprStateOperations(this.transport, this.converter, name));
	}

	@Override
	public PubSubOperations pubsub() {
		Assert.state(this.defaultPubsub != null,
				"No default pub/sub: set dapr.pubsub.default-name or use pubsub(\"name\")");
		return pubsub(this.defaultPubsub);
	}

	@Override
	public PubSubOperations pubsub(String pubsubName) {
		return this.pubsubs.computeIfAbsent(pubsubName,
				(name) -> new DaprPubSubOperations(this.transport, this.converter, name));
	}

	@Override
	public JobOperations jobs() {
		return this.jobs;
	}

	@Override
	public CryptoOperations crypto(String componentName) {
		return this.cryptoComponents.computeIfAbsent(componentName,
				(name) -> new DaprCryptoOperations(this.transport, name));
	}

	@Override
	public ConversationOperations conversation() {
		return this.conversation;
	}

	@Override
	public LockOperations locks() {
		return this.locks;
	}

	@Override
	public BindingOperations bindings() {
		return this.bindings;
	}

	@Override
	public SecretOperations secrets(String storeName) {
		return new DaprSecretOperations(this.transport, storeName);
	}

	@Override
	public ConfigurationOperations configuration(String storeName) {
		return new DaprConfigurationOperations(this.transport, storeName);
	}

	@Override
	public RestClient restClient(String appId) {
		return serviceInvocation().restClient(appId);
	}

	@Override
	public <T> T httpExchangeClient(String appId, Class<T> exchangeInterface) {
		return serviceInvocation().httpExchangeClient(appId, exchangeInterface);
	}

	@Override
	public SidecarMetadata metadata() {
		return SidecarMetadataMapper.map(this.transport.call(DaprCall.read("metadata", "get", null),
				(dapr) -> dapr.getMetadata(GetMetadataRequest.getDefaultInstance())));
	}

	@Override
	public void waitForSidecar(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		DaprSidecarUnavailableException last = null;
		while (System.nanoTime() < deadline) {
			try {
				long remaining = Math.max(1, deadline - System.nanoTime());
				this.transport.call(DaprCall.read("metadata", "wait", null),
						(dapr) -> dapr.withDeadlineAfter(Math.min(remaining, TimeUnit.SECONDS.toNanos(1)),
								TimeUnit.NANOSECONDS)
							.getMetadata(GetMetadataRequest.getDefaultInstance()));
				return;
			}
			catch (DaprSidecarUnavailableException ex) {
				last = ex;
				sleep();
			}
			catch (dev.daprspring.core.error.DaprTimeoutException ex) {
				// The sidecar accepted the connection but did not answer yet.
			}
		}
		throw new DaprSidecarUnavailableException("Dapr sidecar at " + this.transport.getOptions().grpcEndpoint()
				+ " did not answer within " + timeout,
				(last != null) ? last.getDetails()
						: new dev.daprspring.core.error.DaprErrorDetails("metadata.wait", null, "DEADLINE_EXCEEDED",
								null, Map.of(), null),
				last);
	}

	@Override
	public void shutdownSidecar() {
		Empty ignored = this.transport.call(DaprCall.write("metadata", "shutdown", null),
				(dapr) -> dapr.shutdown(ShutdownRequest.getDefaultInstance()));
	}

	private DaprServiceInvocation serviceInvocation() {
		return new DaprServiceInvocation(this.transport.getOptions(), this.restClientBuilder);
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the sidecar", ex);
		}
	}

}
