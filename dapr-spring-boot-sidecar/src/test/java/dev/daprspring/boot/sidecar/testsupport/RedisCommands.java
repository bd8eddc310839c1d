package dev.daprspring.boot.sidecar.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends single Redis commands over RESP, for tests that write what a Dapr component reads
 * (for example {@code configuration.redis}, which stores {@code value||version}).
 */
public final class RedisCommands {

	private RedisCommands() {
	}

	/**
	 * Runs one command on a new connection.
	 * @return the reply line ({@code OK}, {@code :1}, ...), the bulk string it announces,
	 * or {@code $-1} for none
	 * @throws IllegalStateException if Redis answers with an error
	 */
	public static String send(LocalRedisServer redis, String... command) {
		try (Socket socket = new Socket(redis.host(), redis.port())) {
			StringBuilder request = new StringBuilder("*").append(command.length).append("\r\n");
			for (String part : command) {
				request.append('$')
					.append(part.getBytes(StandardCharsets.UTF_8).length)
					.append("\r\n")
					.append(part)
					.append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String reply = in.readLine();
			if (reply == null || reply.startsWith("-")) {
				throw new IllegalStateException("Redis rejected " + String.join(" ", command) + ": " + reply);
			}
			if (reply.startsWith("$") && !reply.equals("$-1")) {
				return in.readLine();
			}
			return reply.startsWith("+") ? reply.substring(1) : reply;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis at " + redis.address() + " did not answer " + command[0], ex);
		}
	}

}
