package dev.daprspring.core.error;

import java.util.List;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

import dev.daprspring.core.client.DaprCall;
import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link DaprErrorTranslator} reads a state store's refusal of a write, as daprd 1.17
 * reports it for {@code state.redis}.
 */
class DaprErrorTranslatorStateTests {

	final DaprErrorTranslator translator = new DaprErrorTranslator("http://127.0.0.1:50001", List::of);

	@Test
	void redisRefusingASaveWithoutAnEtagOverAFirstWriteIsAnEtagMismatch() {
		// daprd's text when state.redis's Lua script refuses the write (Redis 7).
		DataAccessException ex = this.translator.translate(Status.INTERNAL
			.withDescription("failed saving state in state store redis: failed to set key app||order:x-7: "
					+ "ERR user_script:14: failed to set key app||order:x-7 script: d908b9553add63a82e03589b5c6d01a7654ef0f2, "
					+ "on @user_script:14.")
			.asRuntimeException(), DaprCall.write("state", "save", "redis"));
		assertThat(ex).isInstanceOf(DaprEtagMismatchException.class).hasMessageContaining("nothing was written");
	}

	@Test
	void aRedisSaveThatFailedForAnotherReasonStaysAnApiError() {
		DataAccessException ex = this.translator.translate(Status.INTERNAL
			.withDescription("failed saving state in state store redis: failed to set key app||order:x-7: "
					+ "dial tcp 127.0.0.1:6379: connect: connection refused")
			.asRuntimeException(), DaprCall.write("state", "save", "redis"));
		assertThat(ex).isExactlyInstanceOf(DaprApiException.class).hasMessageContaining("connection refused");
	}

}
