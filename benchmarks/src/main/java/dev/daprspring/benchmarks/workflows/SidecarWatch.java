package dev.daprspring.benchmarks.workflows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;

/**
 * What the sidecar says about the workers connected to it, and an alarm that ends the run
 * with daprd's log when a stretch of the schedule does not finish in time (the official
 * SDK's schedule call has no deadline, so a stuck sidecar would otherwise hang the run).
 */
final class SidecarWatch implements AutoCloseable {

	private final DaprSidecar sidecar;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = new JsonMapper();

	private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "workflows-watch");
		thread.setDaemon(true);
		return thread;
	});

	SidecarWatch(DaprSidecar sidecar) {
		this.sidecar = sidecar;
	}

	/** The number of work-item streams daprd's metadata reports, -1 if it cannot be read. */
	int connectedWorkers() {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.sidecar.httpPort() + "/v1.0/metadata"))
				.timeout(Duration.ofSeconds(10))
				.build();
			String body = this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
			return this.json.readTree(body).path("workflows").path("connectedWorkers").asInt(0);
		}
		catch (Exception ex) {
			return -1;
		}
	}

	/**
	 * Waits until daprd reports this many connected workers.
	 * @throws IllegalStateException if it does not within the timeout
	 */
	void awaitConnectedWorkers(int expected, Duration timeout, String when) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		int connected;
		while ((connected = connectedWorkers()) != expected) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("daprd reports " + connected + " connected workflow workers " + when
						+ "; expected " + expected + ". Last lines of daprd's log:\n" + this.sidecar.logTail(40));
			}
			Thread.sleep(100);
		}
	}

	/**
	 * Ends the JVM, after printing daprd's last log lines, unless the returned alarm is
	 * closed within the limit.
	 */
	AutoCloseable alarm(Duration limit, String what) {
		ScheduledFuture<?> alarm = this.alarms.schedule(() -> {
			System.err.println("benchmarks/run workflows: " + what + " did not finish within " + limit
					+ "; daprd reports " + connectedWorkers() + " connected workflow workers. Last lines of daprd's log:");
			System.err.println(this.sidecar.logTail(60));
			System.exit(3);
		}, limit.toMillis(), TimeUnit.MILLISECONDS);
		return () -> alarm.cancel(false);
	}

	@Override
	public void close() {
		this.alarms.shutdownNow();
	}

}
