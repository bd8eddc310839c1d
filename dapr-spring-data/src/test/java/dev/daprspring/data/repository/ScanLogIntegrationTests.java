package dev.daprspring.data.repository;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query method that scans its keyspace says so once in the log, however often it runs, and
 * each other query method says so once too; a query an @Indexed property serves logs nothing
 * (real daprd, state.in-memory).
 */
@ExtendWith(OutputCaptureExtension.class)
class ScanLogIntegrationTests {

	@Test
	void eachQueryMethodLogsOnceThatItScans(CapturedOutput output) {
		DaprSidecar sidecar = RepositorySidecar.get();
		try (DaprTransport transport = new DaprTransport(
				DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), null));
				AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("dapr.data.default-store", "memory")));
			context.registerBean(DaprTransport.class, () -> transport);
			context.register(RepositoryContract.Repositories.class);
			context.refresh();
			OrderRepository orders = context.getBean(OrderRepository.class);
			orders.findByStatusIgnoreCase("open");
			orders.findByStatusIgnoreCase("shipped");
			assertThat(scanLines(output, "findByStatusIgnoreCase(java.lang.String)")).isEqualTo(1);
			assertThat(scanLines(output, "findByTotalGreaterThan(")).isZero();
			orders.findByTotalGreaterThan(1);
			orders.findByTotalGreaterThan(2);
			assertThat(scanLines(output, "findByStatusIgnoreCase(java.lang.String)")).isEqualTo(1);
			assertThat(scanLines(output, "findByTotalGreaterThan(int)")).isEqualTo(1);
			// Equalities on @Indexed properties read the index instead: no scan to report.
			orders.findByStatus("open");
			orders.countByStatus("open");
			assertThat(scanLines(output, "findByStatus(java.lang.String)")).isZero();
			assertThat(scanLines(output, "countByStatus(java.lang.String)")).isZero();
			assertThat(output.getAll()).contains("scans keyspace 'order' in state store 'memory'");
		}
	}

	private static long scanLines(CapturedOutput output, String method) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains("Query method ") && line.contains(method) && line.contains(" scans keyspace "))
			.count();
	}

}
