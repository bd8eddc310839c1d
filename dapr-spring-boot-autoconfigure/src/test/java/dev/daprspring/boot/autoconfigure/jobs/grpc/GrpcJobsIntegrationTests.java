package dev.daprspring.boot.autoconfigure.jobs.grpc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.job.DaprJob;
import dev.daprspring.messaging.job.DaprJobListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A job handled over the gRPC app channel ({@code AppCallbackAlpha.OnJobEventAlpha1}), with
 * the app API token daprd sends on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dapr.sidecar.launch=always", "dapr.app.protocol=grpc", "spring.grpc.server.port=0",
				"dapr.sidecar.app-api-token=grpc-jobs-token" })
class GrpcJobsIntegrationTests {

	@Autowired
	DaprOperations dapr;

	@Autowired
	Handled handled;

	@Test
	void aDueJobReachesItsListenerOverTheGrpcAppChannelWithItsTypedData() {
		this.dapr.jobs().schedule(DaprJob.named("grpc-report").dueIn(Duration.ZERO).withData(new Report("latam", 2)));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.handled.reports.contains(new Report("latam", 2)));
	}

	record Report(String region, int copies) {
	}

	static class Handled {

		final List<Report> reports = new CopyOnWriteArrayList<>();

		@DaprJobListener("grpc-report")
		void report(Report report) {
			this.reports.add(report);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Handled.class)
	static class App {

	}

}
