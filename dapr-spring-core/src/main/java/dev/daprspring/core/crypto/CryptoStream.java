package dev.daprspring.core.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Function;

import com.google.protobuf.ByteString;
import io.dapr.v1.CommonProtos.StreamPayload;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import org.jspecify.annotations.Nullable;

/**
 * One {@code EncryptAlpha1} or {@code DecryptAlpha1} stream, driven by the calling thread:
 * it writes out the chunks that arrived, sends the next chunk of input when gRPC is ready
 * for it, and otherwise waits for either. Answers are requested one at a time as they are
 * written ({@value #RECEIVE_WINDOW} ahead), so neither direction holds more than a few chunks.
 *
 * @param <Q> the request message
 * @param <R> the response message
 */
final class CryptoStream<Q, R> implements ClientResponseObserver<Q, R> {

	static final int RECEIVE_WINDOW = 2;

	private final Function<StreamPayload, Q> chunk;

	private final Function<R, StreamPayload> payload;

	private final long idleTimeoutNanos;

	private final Object lock = new Object();

	// Guarded by lock.
	private final Queue<StreamPayload> received = new ArrayDeque<>();

	private @Nullable Throwable error;

	private boolean completed;

	private @Nullable ClientCallStreamObserver<Q> requests;

	/**
	 * @param chunk the request that carries one chunk of input
	 * @param payload the chunk an answer carries
	 * @param idleTimeoutNanos how long to wait, at most, for the sidecar to answer or take input
	 */
	CryptoStream(Function<StreamPayload, Q> chunk, Function<R, StreamPayload> payload, long idleTimeoutNanos) {
		this.chunk = chunk;
		this.payload = payload;
		this.idleTimeoutNanos = idleTimeoutNanos;
	}

	/**
	 * Sends {@code first} and then {@code input} in chunks, writing every chunk of the answer
	 * to {@code output} as it comes, until the sidecar ends the stream.
	 * @param open starts the call with this observer and returns its request stream
	 * @throws StreamFailure when the sidecar failed the call (not yet translated)
	 * @throws IOException when reading the input or writing the output fails
	 */
	void run(Function<StreamObserver<R>, StreamObserver<Q>> open, Q first, InputStream input, OutputStream output)
			throws IOException {
		open.apply(this);
		ClientCallStreamObserver<Q> requests = this.requests;
		if (requests == null) {
			throw new IllegalStateException("gRPC did not start the stream");
		}
		boolean done = false;
		try {
			requests.onNext(first);
			byte[] buffer = new byte[DaprCryptoOperations.CHUNK_SIZE];
			long sent = 0;
			long expected = 0;
			boolean inputLeft = true;
			while (true) {
				StreamPayload next;
				while ((next = poll()) != null) {
					if (next.getSeq() != expected) {
						throw new StreamFailure(Status.INTERNAL.withDescription("the sidecar sent chunk " + next.getSeq()
								+ " where chunk " + expected + " was due").asRuntimeException());
					}
					expected++;
					next.getData().writeTo(output);
					requests.request(1);
				}
				if (ended(inputLeft)) {
					done = true;
					return;
				}
				if (inputLeft && requests.isReady()) {
					int read = input.readNBytes(buffer, 0, buffer.length);
					if (read > 0) {
						requests.onNext(this.chunk.apply(StreamPayload.newBuilder()
							.setData(ByteString.copyFrom(buffer, 0, read))
							.setSeq(sent++)
							.build()));
					}
					if (read < buffer.length) {
						inputLeft = false;
						requests.onCompleted();
					}
					continue;
				}
				awaitProgress(requests, inputLeft);
			}
		}
		finally {
			if (!done) {
				// Our side failed (or the sidecar's did): make sure the call ends.
				requests.cancel("the client stopped the stream", null);
			}
		}
	}

	@Override
	public void beforeStart(ClientCallStreamObserver<Q> requests) {
		this.requests = requests;
		requests.disableAutoRequestWithInitial(RECEIVE_WINDOW);
		requests.setOnReadyHandler(this::wake);
	}

	@Override
	public void onNext(R response) {
		synchronized (this.lock) {
			this.received.add(this.payload.apply(response));
			this.lock.notifyAll();
		}
	}

	@Override
	public void onError(Throwable error) {
		synchronized (this.lock) {
			this.error = error;
			this.lock.notifyAll();
		}
	}

	@Override
	public void onCompleted() {
		synchronized (this.lock) {
			this.completed = true;
			this.lock.notifyAll();
		}
	}

	private void wake() {
		synchronized (this.lock) {
			this.lock.notifyAll();
		}
	}

	private @Nullable StreamPayload poll() {
		synchronized (this.lock) {
			return this.received.poll();
		}
	}

	// Whether the call is over with everything written; throws if it failed.
	private boolean ended(boolean inputLeft) {
		synchronized (this.lock) {
			if (this.error != null) {
				throw new StreamFailure(this.error);
			}
			if (!this.completed || !this.received.isEmpty()) {
				return false;
			}
		}
		if (inputLeft) {
			throw new StreamFailure(Status.INTERNAL
				.withDescription("the sidecar ended the stream before it had read all input")
				.asRuntimeException());
		}
		return true;
	}

	private void awaitProgress(ClientCallStreamObserver<Q> requests, boolean inputLeft) {
		long deadline = System.nanoTime() + this.idleTimeoutNanos;
		synchronized (this.lock) {
			while (this.received.isEmpty() && this.error == null && !this.completed
					&& !(inputLeft && requests.isReady())) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw new StreamFailure(Status.DEADLINE_EXCEEDED
						.withDescription("the sidecar neither answered nor took input for "
								+ (this.idleTimeoutNanos / 1_000_000) + " ms")
						.asRuntimeException());
				}
				try {
					this.lock.wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted during a crypto stream", ex);
				}
			}
		}
	}

	/** The call failed on the sidecar's side (or could not reach it). */
	static final class StreamFailure extends RuntimeException {

		StreamFailure(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

}
