package dev.daprspring.boot.autoconfigure.sidecar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daprspring.boot.sidecar.DaprSidecar;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the launcher sets up for actuator support, against a real daprd;
 * {@code DaprActuatorIntegrationTests} covers a web application whose daprd probes it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LaunchedSidecarActuatorIntegrationTests {

	@Test
	void theLaunchedSidecarsMetricsPortReplacesAConfiguredMetricsEndpoint() {
		try (ConfigurableApplicationContext context = app().run("--dapr.sidecar.launch=always",
				"--dapr.sidecar.metrics.endpoint=http://127.0.0.1:9090/")) {
			DaprSidecar sidecar = context.getBean(DaprSidecar.class);
			assertThat(context.getEnvironment().getProperty("dapr.sidecar.metrics.endpoint"))
				.isEqualTo("http://127.0.0.1:" + sidecar.metricsPort() + "/");
		}
	}

	@Test
	void anAppHealthCheckWithoutAnAppPortIsIgnoredWithAWarning(CapturedOutput output) {
		try (ConfigurableApplicationContext context = app().run("--dapr.sidecar.launch=always",
				"--dapr.sidecar.app-health-check.enabled=true")) {
			assertThat(context.getBean(DaprSidecar.class).appHealthCheckPath()).isNull();
			assertThat(output).contains("dapr.sidecar.app-health-check.enabled is ignored: the application has no "
					+ "port for daprd to probe");
		}
	}

	private static SpringApplicationBuilder app() {
		return new SpringApplicationBuilder(TestApp.class).web(WebApplicationType.NONE).logStartupInfo(false);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApp {

	}

}
