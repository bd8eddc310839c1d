package dev.daprspring.boot.autoconfigure.jobs.grpc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import org.junit.jupiter.api.Test;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.job.DaprJob;
import dev.daprspring.messaging.job.DaprJobListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.grpc.server.GlobalServerInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A job handled over the gRPC app channel, with the app API token daprd sends on it: daprd
 * 1.18 calls {@code AppCallback.OnJobEvent}, daprd 1.17 {@code AppCallbackAlpha.OnJobEventAlpha1}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dapr.sidecar.launch=always", "dapr.app.protocol=grpc", "spring.grpc.server.port=0",
				"dapr.sidecar.app-api-token=grpc-jobs-token" })
class GrpcJobsIntegrationTests {

	@Autowired
	DaprOperations dapr;

	@Autowired
	Handled handled;

	@Autowired
	CalledMethods called;

	@Test
	void aDueJobReachesItsListenerOverTheGrpcAppChannelWithItsTypedData() {
		this.dapr.jobs().schedule(DaprJob.named("grpc-report").dueIn(Duration.ZERO).withData(new Report("latam", 2)));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.handled.reports.contains(new Report("latam", 2)));
		// The callback daprd calls first is served, so it does not have to fall back.
		String expected = System.getProperty("daprd.version", "1.18.2").startsWith("1.17.")
				? "dapr.proto.runtime.v1.AppCallbackAlpha/OnJobEventAlpha1" : "dapr.proto.runtime.v1.AppCallback/OnJobEvent";
		assertThat(this.called.methods).filteredOn((method) -> method.contains("JobEvent")).containsExactly(expected);
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

	/** Every gRPC method daprd calls on the app, in order. */
	static class CalledMethods implements ServerInterceptor {

		final List<String> methods = new CopyOnWriteArrayList<>();

		@Override
		public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
				ServerCallHandler<Q, R> next) {
			this.methods.add(call.getMethodDescriptor().getFullMethodName());
			return next.startCall(call, headers);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Handled.class)
	static class App {

		@Bean
		@GlobalServerInterceptor
		CalledMethods calledMethods() {
			return new CalledMethods();
		}

	}

}
