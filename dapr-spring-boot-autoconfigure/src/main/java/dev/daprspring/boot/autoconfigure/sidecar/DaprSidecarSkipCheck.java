package dev.daprspring.boot.autoconfigure.sidecar;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.daprspring.boot.autoconfigure.client.DaprClientProperties;
import dev.daprspring.boot.autoconfigure.client.DaprConnectionDetails;
import dev.daprspring.boot.autoconfigure.client.PropertiesDaprConnectionDetails;
import dev.daprspring.boot.autoconfigure.sidecar.DaprSidecarProperties.LaunchMode;
import dev.daprspring.boot.sidecar.DaprdHealth;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Whether {@code dapr.sidecar.launch} leaves daprd unlaunched. {@code never} always does;
 * {@code auto} launches only for an application that would otherwise talk to nobody, as
 * Spring Boot's Docker Compose support stands aside for explicit connections and in test
 * slices.
 */
final class DaprSidecarSkipCheck {

	private static final Log logger = LogFactory.getLog(DaprSidecarSkipCheck.class);

	// Endpoints the user gives explicitly; the environment's DAPR_GRPC_ENDPOINT and DAPR_HTTP_ENDPOINT
	// bind as dapr.grpc.endpoint and dapr.http.endpoint.
	private static final List<String> EXPLICIT_ENDPOINTS = List.of("dapr.client.grpc-endpoint",
			"dapr.client.http-endpoint", "dapr.grpc.endpoint", "dapr.http.endpoint");

	private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

	private DaprSidecarSkipCheck() {
	}

	/**
	 * Whether no daprd is launched although {@code dapr.sidecar.launch} is {@code auto} or
	 * {@code always}, once the context's bean definitions are known: {@code auto} stands
	 * aside for a connection defined elsewhere (a service connection or the application's
	 * own bean).
	 */
	static boolean shouldSkip(DaprSidecarProperties properties, Binder binder, ListableBeanFactory beans) {
		if (properties.getLaunch() == LaunchMode.AUTO) {
			String[] elsewhere = beans.getBeanNamesForType(DaprConnectionDetails.class, true, false);
			if (elsewhere.length > 0) {
				logger.info("dapr.sidecar.launch=auto launches no daprd: the connection comes from "
						+ String.join(", ", elsewhere) + " (a service connection or the application's own bean)");
				return true;
			}
		}
		return shouldSkip(properties, binder);
	}

	/** Whether no daprd is launched, judged from the properties and from what answers. */
	static boolean shouldSkip(DaprSidecarProperties properties, Binder binder) {
		return switch (properties.getLaunch()) {
			case NEVER -> true;
			case ALWAYS -> false;
			case AUTO -> standsAside(binder) || sidecarAnswers(binder);
		};
	}

	private static boolean standsAside(Binder binder) {
		if (!binder.bind("spring.boot.enableautoconfiguration", Boolean.class).orElse(true)) {
			logger.info("dapr.sidecar.launch=auto launches no daprd in a test slice without auto-configuration; "
					+ "set dapr.sidecar.launch=always to launch one there");
			return true;
		}
		for (String explicit : EXPLICIT_ENDPOINTS) {
			if (binder.bind(explicit, String.class).isBound()) {
				logger.info("dapr.sidecar.launch=auto launches no daprd: " + explicit + " names the sidecar to use");
				return true;
			}
		}
		return false;
	}

	private static boolean sidecarAnswers(Binder binder) {
		DaprClientProperties client = binder.bind("dapr.client", DaprClientProperties.class)
			.orElseGet(DaprClientProperties::new);
		String endpoint = new PropertiesDaprConnectionDetails(client).getHttpEndpoint();
		if (DaprdHealth.answers(endpoint, PROBE_TIMEOUT)) {
			logger.info("A Dapr sidecar answers at " + endpoint + ", not launching one");
			return true;
		}
		return false;
	}

}
