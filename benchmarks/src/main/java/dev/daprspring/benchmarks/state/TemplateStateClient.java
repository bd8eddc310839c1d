package dev.daprspring.benchmarks.state;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;

/**
 * The round trip through {@link DaprTemplate}, as an application writes it.
 */
final class TemplateStateClient extends StateClient {

	private final DaprTransport transport;

	private final DaprTemplate template;

	private final @Nullable ProcessHandle sidecar;

	private TemplateStateClient(String name, DaprTransport transport, StateKeys keys,
			@Nullable ProcessHandle sidecar) {
		super(name, keys);
		this.sidecar = sidecar;
		this.transport = transport;
		this.template = new DaprTemplate(transport, JsonMapper.builder().build());
		this.template.setDefaultStateStore(STORE);
	}

	static TemplateStateClient connect(DaprSidecar dapr, StateKeys keys) {
		return new TemplateStateClient("template",
				new DaprTransport(DaprClientOptions.of(dapr.grpcEndpoint(), dapr.httpEndpoint(), null)), keys, null);
	}

	/**
	 * A template on a second sidecar's endpoints (its Unix domain sockets when it serves them),
	 * whose CPU time is measured for this client.
	 */
	static TemplateStateClient connectOwn(String name, DaprSidecar dapr, StateKeys keys) {
		return new TemplateStateClient(name,
				new DaprTransport(DaprClientOptions.of(dapr.grpcEndpoint(), dapr.httpEndpoint(), null)), keys,
				dapr.processHandle().orElse(null));
	}

	@Override
	public @Nullable ProcessHandle sidecar() {
		return this.sidecar;
	}

	DaprTemplate template() {
		return this.template;
	}

	@Override
	protected void save(String key, Order value) {
		this.template.state().save(key, value);
	}

	@Override
	protected @Nullable Order get(String key) {
		return this.template.state().get(key, Order.class).orElse(null);
	}

	@Override
	public void close() {
		this.transport.close();
	}

}
