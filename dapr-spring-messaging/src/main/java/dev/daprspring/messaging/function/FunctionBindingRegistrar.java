package dev.daprspring.messaging.function;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.daprspring.core.pubsub.PubSubOperations;
import dev.daprspring.messaging.endpoint.TopicEndpoint;
import dev.daprspring.messaging.endpoint.TopicEndpointRegistry;
import dev.daprspring.messaging.handler.CloudEventDataConverter;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;

/**
 * Registers a topic endpoint for every function binding once the application's beans
 * exist, so the subscriptions are in place before the sidecar reads them or streams
 * open. Fails startup when a binding names a function the catalog does not have.
 */
public class FunctionBindingRegistrar implements SmartInitializingSingleton {

	private final List<FunctionBinding> bindings;

	private final FunctionCatalog catalog;

	private final TopicEndpointRegistry registry;

	private final CloudEventDataConverter converter;

	private final Function<String, PubSubOperations> pubsubs;

	/**
	 * Creates a registrar.
	 * @param pubsubs the publish API of a pub/sub component, by name
	 */
	public FunctionBindingRegistrar(List<FunctionBinding> bindings, FunctionCatalog catalog,
			TopicEndpointRegistry registry, CloudEventDataConverter converter,
			Function<String, PubSubOperations> pubsubs) {
		this.bindings = List.copyOf(bindings);
		this.catalog = catalog;
		this.registry = registry;
		this.converter = converter;
		this.pubsubs = pubsubs;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.bindings.forEach((binding) -> this.registry.register(endpoint(binding)));
	}

	private TopicEndpoint endpoint(FunctionBinding binding) {
		FunctionInvocationWrapper function = lookup(binding);
		if (function.isSupplier()) {
			throw new FunctionBindingException(binding.function(), FunctionBindingException.Problem.SUPPLIER,
					binding.outputTopic(), "Function '" + binding.function() + "' is a Supplier, which takes no "
							+ "input; bind a Function or a Consumer to a topic");
		}
		PubSubOperations output = null;
		if (binding.outputTopic() != null) {
			if (function.isConsumer()) {
				throw new FunctionBindingException(binding.function(),
						FunctionBindingException.Problem.CONSUMER_WITH_OUTPUT_TOPIC, binding.outputTopic(),
						"Function '" + binding.function() + "' is a Consumer and returns nothing, but is bound to "
								+ "output topic '" + binding.outputTopic() + "'; remove the output topic or bind a "
								+ "Function");
			}
			output = this.pubsubs.apply(binding.pubsub());
		}
		FunctionTopicHandler handler = new FunctionTopicHandler(binding, function, this.converter, output);
		return new TopicEndpoint(binding.pubsub(), binding.inputTopic(), null, 0, null, Map.of(), false, handler,
				FunctionTopicHandler.HANDLE);
	}

	private FunctionInvocationWrapper lookup(FunctionBinding binding) {
		String name = binding.function();
		@Nullable Object function = this.catalog.lookup(name);
		if (!(function instanceof FunctionInvocationWrapper wrapper)) {
			throw new FunctionBindingException(name, FunctionBindingException.Problem.UNKNOWN_FUNCTION,
					binding.outputTopic(), "The function catalog has no function '" + name + "', only "
							+ new TreeSet<>(this.catalog.getNames(null)) + "; bind one of those, or define a Function "
							+ "or Consumer bean named '" + name + "'");
		}
		return wrapper;
	}

}
