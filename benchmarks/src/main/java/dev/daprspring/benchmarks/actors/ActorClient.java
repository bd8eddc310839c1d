package dev.daprspring.benchmarks.actors;

import dev.daprspring.benchmarks.load.BenchmarkClient;

/**
 * One actor method call, the same for every client: {@link Payload#SAMPLE} sent to the
 * actor id the thread's turn names, the answer checked to be what was sent.
 */
abstract class ActorClient implements BenchmarkClient {

	private final String name;

	private final ActorIds ids;

	ActorClient(String name, ActorIds ids) {
		this.name = name;
		this.ids = ids;
	}

	@Override
	public final String name() {
		return this.name;
	}

	@Override
	public final void run(int thread, long iteration) throws Exception {
		call(this.ids.index(thread, iteration));
	}

	/**
	 * Calls the actor with the id at this index once.
	 * @throws Exception when the call failed or answered something else
	 */
	abstract void call(int index) throws Exception;

	ActorIds ids() {
		return this.ids;
	}

	final IllegalStateException unexpected(int index, Object answer) {
		return new IllegalStateException(this.name + ": actor " + Echo.TYPE + "/" + this.ids.id(index)
				+ " answered " + answer + "; expected " + Payload.SAMPLE);
	}

}
