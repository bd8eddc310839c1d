package dev.daprspring.boot.autoconfigure.client;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the pub/sub API.
 */
@ConfigurationProperties("dapr.pubsub")
public class DaprPubSubProperties {

	/** Pub/sub component used by DaprTemplate.pubsub() when none is named. */
	private String defaultName = "pubsub";

	public String getDefaultName() {
		return this.defaultName;
	}

	public void setDefaultName(String defaultName) {
		this.defaultName = defaultName;
	}

}
