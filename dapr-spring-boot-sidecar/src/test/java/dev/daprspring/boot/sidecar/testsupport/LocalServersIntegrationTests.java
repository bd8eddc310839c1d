package dev.daprspring.boot.sidecar.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Starts real redis-server and PostgreSQL processes and talks to them over TCP.
 */
class LocalServersIntegrationTests {

	@Test
	void redisServesSetAndGetAndIsGoneAfterStop() throws Exception {
		LocalRedisServer redis = LocalRedisServer.start();
		try {
			assertThat(redis.host()).isEqualTo("127.0.0.1");
			assertThat(redis.address()).isEqualTo("127.0.0.1:" + redis.port());
			try (Socket socket = connect(redis.port())) {
				BufferedReader in = reader(socket);
				send(socket, resp("SET", "greeting", "héllo dapr"));
				assertThat(in.readLine()).isEqualTo("+OK");
				send(socket, resp("GET", "greeting"));
				assertThat(in.readLine()).isEqualTo("$" + "héllo dapr".getBytes(StandardCharsets.UTF_8).length);
				assertThat(in.readLine()).isEqualTo("héllo dapr");
			}
		}
		finally {
			redis.stop();
		}
		assertPortClosed(redis.port());
		assertThat(redis.directory()).doesNotExist();
		redis.close(); // stopping twice is harmless
	}

	@Test
	void twoRedisServersRunSideBySide() throws Exception {
		try (LocalRedisServer first = LocalRedisServer.start(); LocalRedisServer second = LocalRedisServer.start()) {
			assertThat(first.port()).isNotEqualTo(second.port());
			for (LocalRedisServer redis : new LocalRedisServer[] { first, second }) {
				try (Socket socket = connect(redis.port())) {
					send(socket, resp("PING"));
					assertThat(reader(socket).readLine()).isEqualTo("+PONG");
				}
			}
		}
	}

	@Test
	void postgresStoresRowsAndIsGoneAfterStop() throws Exception {
		LocalPostgresServer postgres = LocalPostgresServer.start();
		Connection open = null;
		try {
			assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres");
			assertThat(postgres.connectionString()).isEqualTo("host=127.0.0.1 port=" + postgres.port()
					+ " user=postgres password=postgres dbname=postgres sslmode=disable");
			try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(),
					postgres.password()); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE orders (id INT PRIMARY KEY, item TEXT NOT NULL)");
				statement.execute("INSERT INTO orders VALUES (1, 'héllo dapr')");
				try (ResultSet rows = statement.executeQuery("SELECT id, item FROM orders")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getInt("id")).isEqualTo(1);
					assertThat(rows.getString("item")).isEqualTo("héllo dapr");
					assertThat(rows.next()).isFalse();
				}
			}
			// Stopping must not wait for clients: leave a session open on purpose.
			open = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
			assertThat(open.isValid(5)).isTrue();
			assertThat(Files.exists(postgres.directory())).isTrue();
		}
		finally {
			postgres.stop();
		}
		assertPortClosed(postgres.port());
		assertThat(postgres.directory()).doesNotExist();
		if (open != null) {
			assertThat(open.isValid(1)).isFalse();
			open.close();
		}
	}

	private static Socket connect(int port) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
		socket.setSoTimeout(5000);
		return socket;
	}

	private static BufferedReader reader(Socket socket) throws IOException {
		return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
	}

	private static void send(Socket socket, byte[] bytes) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(bytes);
		out.flush();
	}

	/** A RESP array of bulk strings, the form Redis clients send commands in. */
	private static byte[] resp(String... arguments) {
		StringBuilder command = new StringBuilder("*").append(arguments.length).append("\r\n");
		for (String argument : arguments) {
			command.append('$').append(argument.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
			command.append(argument).append("\r\n");
		}
		return command.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void assertPortClosed(int port) {
		assertThatIOException().isThrownBy(() -> connect(port).close());
	}

}
