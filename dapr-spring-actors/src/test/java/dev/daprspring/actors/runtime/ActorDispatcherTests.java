package dev.daprspring.actors.runtime;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.actors.state.ActorStateManager;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprValueConverter;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Turns that fail outside the actor method: in the actor's activation, or when its state is
 * saved. The sidecar's address has nothing listening, so every state write fails.
 */
class ActorDispatcherTests {

	private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

	private final DaprValueConverter converter = new DaprValueConverter(new JsonMapper());

	private DaprTransport unreachable;

	private ActorDispatcher dispatcher;

	@BeforeEach
	void dispatcher() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String endpoint = "http://127.0.0.1:" + port;
		this.unreachable = new DaprTransport(DaprClientOptions.of(endpoint, endpoint, null).withTimeout(Duration.ofSeconds(10)));
		ActorTypes types = new ActorTypes(List.of(ActorType.of("Failing", "Failing", FailingConstructor.class),
				ActorType.of("Starting", "Starting", FailingInitialisation.class),
				ActorType.of("Writer", "Writer", Writer.class)));
		this.dispatcher = new ActorDispatcher(types,
				new ActorActivations(this.beanFactory, this.unreachable, this.converter), this.converter);
	}

	@AfterEach
	void close() {
		this.unreachable.close();
	}

	@Test
	void anActorWhoseConstructorThrowsReachesTheCallerWithWhatItThrew() {
		assertThatExceptionOfType(ActorMethodFailure.class)
			.isThrownBy(() -> this.dispatcher.invoke("Failing", "f-1", "call", ByteString.EMPTY))
			.withMessage("The actor could not be activated: no catalogue")
			.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo(IllegalStateException.class.getName()));
		assertThat(this.dispatcher.activations().count()).isZero();
	}

	@Test
	void anActorWhoseInitialisationThrowsReachesTheCallerWithWhatItThrew() {
		assertThatExceptionOfType(ActorMethodFailure.class)
			.isThrownBy(() -> this.dispatcher.invoke("Starting", "s-1", "call", ByteString.EMPTY))
			.withMessage("The actor could not be activated: catalogue unreachable")
			.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo(IllegalArgumentException.class.getName()));
		assertThat(this.dispatcher.activations().count()).isZero();
	}

	@Test
	void aTurnWhoseStateIsNotSavedFailsAndLeavesNothingForTheNextTurnToSave() {
		assertThatExceptionOfType(ActorMethodFailure.class)
			.isThrownBy(() -> this.dispatcher.invoke("Writer", "w-1", "write", ByteString.copyFromUtf8("7")))
			.withMessageStartingWith("The state changes of Writer/w-1 in write were not saved: ");
		// A turn that changes nothing writes nothing: the failed turn's change is gone.
		assertThat(this.dispatcher.invoke("Writer", "w-1", "nothing", ByteString.EMPTY)).isEqualTo(ByteString.EMPTY);
	}

	public static class FailingConstructor {

		public FailingConstructor() {
			throw new IllegalStateException("no catalogue");
		}

		public void call() {
		}

	}

	public static class FailingInitialisation implements InitializingBean {

		@Override
		public void afterPropertiesSet() {
			throw new IllegalArgumentException("catalogue unreachable");
		}

		public void call() {
		}

	}

	public static class Writer {

		private final ActorStateManager state;

		public Writer(ActorStateManager state) {
			this.state = state;
		}

		public void write(int value) {
			this.state.set("value", value);
		}

		public void nothing() {
		}

	}

}
