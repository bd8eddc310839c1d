package dev.daprspring.benchmarks.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.testsupport.LocalRedisServer;

/**
 * What Redis and daprd say when events did not arrive: the stream's length, its consumer
 * group (pending entries, lag) and the end of daprd's log, read with {@code redis-cli}.
 */
final class LossReport {

	private LossReport() {
	}

	static void print(PrintStream out, LocalRedisServer redis, DaprSidecar sidecar, String stream, String group) {
		out.println("stream length: " + redisCli(redis, "XLEN", stream));
		out.println("consumer groups: " + redisCli(redis, "XINFO", "GROUPS", stream));
		out.println("pending: " + redisCli(redis, "XPENDING", stream, group));
		out.println("daprd log (last lines):\n" + sidecar.logTail(30));
	}

	private static String redisCli(LocalRedisServer redis, String... command) {
		List<String> line = new ArrayList<>(List.of("redis-cli", "-h", redis.host(), "-p", Integer.toString(redis.port())));
		line.addAll(List.of(command));
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			String text = new String(process.getInputStream().readAllBytes()).replace('\n', ' ');
			process.waitFor();
			return text;
		}
		catch (IOException ex) {
			return "(redis-cli failed: " + ex.getMessage() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "(interrupted)";
		}
	}

}
