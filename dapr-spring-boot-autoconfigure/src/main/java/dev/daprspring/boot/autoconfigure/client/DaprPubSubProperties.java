package dev.daprspring.boot.autoconfigure.client;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Configuration of the pub/sub API. The one place {@code dapr.pubsub.default-name} and its
 * default are written: the template, {@code @Topic}, declared subscriptions and the
 * function bridge all read it from here.
 */
@ConfigurationProperties(DaprPubSubProperties.PREFIX)
public class DaprPubSubProperties {

	static final String PREFIX = "dapr.pubsub";

	private static final String DEFAULT_NAME = "pubsub";

	/** Pub/sub component used by DaprTemplate.pubsub() when none is named. */
	private String defaultName = DEFAULT_NAME;

	public String getDefaultName() {
		return this.defaultName;
	}

	public void setDefaultName(String defaultName) {
		this.defaultName = defaultName;
	}

	/**
	 * The default pub/sub as the environment sets it now, for code that runs before or
	 * without this class's bean.
	 */
	public static String defaultName(Environment environment) {
		return Binder.get(environment)
			.bind(PREFIX, DaprPubSubProperties.class)
			.orElseGet(DaprPubSubProperties::new)
			.getDefaultName();
	}

	/**
	 * A placeholder that resolves to the default pub/sub where it is used, for
	 * annotations whose values are resolved one by one.
	 */
	public static String defaultNamePlaceholder() {
		return "${" + PREFIX + ".default-name:" + DEFAULT_NAME + "}";
	}

}
