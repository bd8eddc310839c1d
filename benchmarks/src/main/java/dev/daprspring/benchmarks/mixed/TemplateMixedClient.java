package dev.daprspring.benchmarks.mixed;

import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import org.springframework.web.client.RestClient;

/** The mix through {@link DaprTemplate}, as an application writes it. */
final class TemplateMixedClient implements MixedClient {

	private final DaprTransport transport;

	private final DaprTemplate template;

	private final RestClient echo;

	TemplateMixedClient(DaprSidecar dapr) {
		this.transport = new DaprTransport(DaprClientOptions.of(dapr.grpcEndpoint(), dapr.httpEndpoint(), null));
		this.template = new DaprTemplate(this.transport, JsonMapper.builder().build());
		this.template.setDefaultStateStore(STORE);
		this.echo = this.template.restClient(dapr.appId());
	}

	@Override
	public String name() {
		return "template";
	}

	@Override
	public void get(String key) {
		this.template.state().get(key, Item.class);
	}

	@Override
	public void save(String key, Item item) {
		this.template.state().save(key, item);
	}

	@Override
	public void publish(Item item) {
		this.template.pubsub(PUBSUB).publish(TOPIC, item);
	}

	@Override
	public void invoke(Item item) {
		this.echo.post().uri("/echo").body(item).retrieve().body(Item.class);
	}

	@Override
	public void close() {
		this.transport.close();
	}

}
