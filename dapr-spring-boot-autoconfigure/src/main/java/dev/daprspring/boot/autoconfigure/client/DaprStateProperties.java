package dev.daprspring.boot.autoconfigure.client;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the state API.
 */
@ConfigurationProperties("dapr.state")
public class DaprStateProperties {

	/** State store used by DaprTemplate.state() when none is named. */
	private String defaultStore = "statestore";

	public String getDefaultStore() {
		return this.defaultStore;
	}

	public void setDefaultStore(String defaultStore) {
		this.defaultStore = defaultStore;
	}

}
