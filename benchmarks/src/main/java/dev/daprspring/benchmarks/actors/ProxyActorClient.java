package dev.daprspring.benchmarks.actors;

import dev.daprspring.actors.client.ActorProxyFactory;

/**
 * The call through a typed proxy from {@link ActorProxyFactory}, as an application writes
 * it: one proxy per actor id, made before the measurement.
 */
final class ProxyActorClient extends ActorClient {

	private final Echo[] actors = new Echo[ActorIds.COUNT];

	private final boolean save;

	/**
	 * @param save whether to call {@link Echo#echoAndSave} instead of {@link Echo#echo}
	 */
	ProxyActorClient(String name, ActorProxyFactory factory, ActorIds ids, boolean save) {
		super(name, ids);
		for (int i = 0; i < this.actors.length; i++) {
			this.actors[i] = factory.proxy(Echo.class, ids.id(i));
		}
		this.save = save;
	}

	@Override
	void call(int index) {
		Echo actor = this.actors[index];
		Payload answer = this.save ? actor.echoAndSave(Payload.SAMPLE) : actor.echo(Payload.SAMPLE);
		if (!Payload.SAMPLE.equals(answer)) {
			throw unexpected(index, answer);
		}
	}

}
