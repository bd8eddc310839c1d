package dev.daprspring.benchmarks.mixed;

/**
 * One client under load: each method makes one blocking call to the sidecar and throws when
 * it fails.
 */
interface MixedClient extends AutoCloseable {

	String STORE = "statestore";

	String PUBSUB = "pubsub";

	String TOPIC = "load";

	String name();

	void get(String key);

	void save(String key, Item item);

	void publish(Item item);

	void invoke(Item item);

	default void run(Operation operation, long n) {
		String key = "item-" + (n % 100);
		Item item = new Item(key, "widget", (int) (n % 1000));
		switch (operation) {
			case STATE_GET -> get(key);
			case STATE_SAVE -> save(key, item);
			case PUBLISH -> publish(item);
			case INVOKE -> invoke(item);
		}
	}

}
