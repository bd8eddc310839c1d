package dev.daprspring.boot.autoconfigure.invoke;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration for calls to other Dapr apps.
 */
@ConfigurationProperties("dapr.invoke")
public class DaprInvokeProperties {

	/** App ids replacing those of @DaprServiceClient interfaces, keyed by bean name (orderClient or order-client). */
	private Map<String, String> appIds = new LinkedHashMap<>();

	public Map<String, String> getAppIds() {
		return this.appIds;
	}

	public void setAppIds(Map<String, String> appIds) {
		this.appIds = appIds;
	}

}
