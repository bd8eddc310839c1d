package dev.daprspring.core.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Supplier;

import io.dapr.v1.DaprCryptoProtos.DecryptRequest;
import io.dapr.v1.DaprCryptoProtos.DecryptRequestOptions;
import io.dapr.v1.DaprCryptoProtos.DecryptResponse;
import io.dapr.v1.DaprCryptoProtos.EncryptRequest;
import io.dapr.v1.DaprCryptoProtos.EncryptRequestOptions;
import io.dapr.v1.DaprCryptoProtos.EncryptResponse;
import io.dapr.v1.DaprGrpc;
import org.jspecify.annotations.Nullable;

import dev.daprspring.core.client.DaprBuildingBlock;
import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprApiException;
import dev.daprspring.core.error.DaprErrorDetails;
import dev.daprspring.core.error.DaprException;
import dev.daprspring.core.error.DaprInvalidArgumentException;
import org.springframework.util.Assert;

/**
 * {@link CryptoOperations} over the sidecar's gRPC {@code EncryptAlpha1} and
 * {@code DecryptAlpha1} streams. The byte-array methods are repeated by the call policy like
 * reads (encrypting and decrypting change nothing); the stream methods are not, as their
 * input cannot be read again.
 */
public final class DaprCryptoOperations implements CryptoOperations {

	/** The size of the chunks sent to the sidecar: its own segment size. */
	public static final int CHUNK_SIZE = 64 * 1024;

	static final String BLOCK = DaprBuildingBlock.CRYPTO.id();

	private final DaprTransport transport;

	private final String component;

	public DaprCryptoOperations(DaprTransport transport, String component) {
		Assert.hasText(component, "Crypto component name must not be empty");
		this.transport = transport;
		this.component = component;
	}

	@Override
	public String componentName() {
		return this.component;
	}

	@Override
	public byte[] encrypt(byte[] plaintext, EncryptOptions options) {
		return inMemory(plaintext, (input, output) -> encrypt(input, output, options, true));
	}

	@Override
	public void encrypt(InputStream plaintext, OutputStream ciphertext, EncryptOptions options) throws IOException {
		encrypt(() -> plaintext, ciphertext, options, false);
	}

	@Override
	public byte[] decrypt(byte[] ciphertext) {
		return inMemory(ciphertext, (input, output) -> decrypt(input, output, null, true));
	}

	@Override
	public byte[] decrypt(byte[] ciphertext, String keyName) {
		Assert.hasText(keyName, "Key name must not be empty; use decrypt(ciphertext) for the key it names");
		return inMemory(ciphertext, (input, output) -> decrypt(input, output, keyName, true));
	}

	@Override
	public void decrypt(InputStream ciphertext, OutputStream plaintext) throws IOException {
		decrypt(() -> ciphertext, plaintext, null, false);
	}

	@Override
	public void decrypt(InputStream ciphertext, OutputStream plaintext, String keyName) throws IOException {
		Assert.hasText(keyName, "Key name must not be empty; use decrypt(ciphertext, plaintext) for the key it names");
		decrypt(() -> ciphertext, plaintext, keyName, false);
	}

	private void encrypt(Supplier<InputStream> plaintext, OutputStream ciphertext, EncryptOptions options,
			boolean replayable) throws IOException {
		EncryptRequestOptions.Builder proto = EncryptRequestOptions.newBuilder()
			.setComponentName(this.component)
			.setKeyName(options.keyName())
			.setKeyWrapAlgorithm(options.keyWrapAlgorithm().value())
			.setOmitDecryptionKeyName(options.omitDecryptionKeyName());
		if (options.dataEncryptionCipher() != null) {
			proto.setDataEncryptionCipher(options.dataEncryptionCipher().value());
		}
		if (options.decryptionKeyName() != null) {
			proto.setDecryptionKeyName(options.decryptionKeyName());
		}
		EncryptRequest first = EncryptRequest.newBuilder().setOptions(proto).build();
		run(DaprCall.read(BLOCK, "encrypt", this.component), replayable, options.keyName(), (dapr) -> {
			CryptoStream<EncryptRequest, EncryptResponse> stream = new CryptoStream<>(
					(chunk) -> EncryptRequest.newBuilder().setPayload(chunk).build(), EncryptResponse::getPayload,
					idleTimeout());
			stream.run(dapr::encryptAlpha1, first, plaintext.get(), ciphertext);
		});
	}

	private void decrypt(Supplier<InputStream> ciphertext, OutputStream plaintext, @Nullable String keyName,
			boolean replayable) throws IOException {
		DecryptRequestOptions.Builder proto = DecryptRequestOptions.newBuilder().setComponentName(this.component);
		if (keyName != null) {
			proto.setKeyName(keyName);
		}
		DecryptRequest first = DecryptRequest.newBuilder().setOptions(proto).build();
		run(DaprCall.read(BLOCK, "decrypt", this.component), replayable, keyName, (dapr) -> {
			CryptoStream<DecryptRequest, DecryptResponse> stream = new CryptoStream<>(
					(chunk) -> DecryptRequest.newBuilder().setPayload(chunk).build(), DecryptResponse::getPayload,
					idleTimeout());
			stream.run(dapr::decryptAlpha1, first, ciphertext.get(), plaintext);
		});
	}

	private long idleTimeout() {
		return this.transport.getOptions().timeout().toNanos();
	}

	private void run(DaprCall call, boolean replayable, @Nullable String keyName, Attempt attempt)
			throws IOException {
		try {
			this.transport.stream(call, replayable, (dapr) -> {
				try {
					attempt.run(dapr);
					return null;
				}
				catch (CryptoStream.StreamFailure ex) {
					throw translate(ex.getCause(), call, keyName);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private RuntimeException translate(Throwable error, DaprCall call, @Nullable String keyName) {
		RuntimeException translated = this.transport.translate(error, call);
		if (!(translated instanceof DaprApiException generic) || translated.getClass() != DaprApiException.class) {
			return translated;
		}
		DaprErrorDetails details = ((DaprException) generic).getDetails();
		String said = (details.description() != null) ? details.description() : "";
		String lower = said.toLowerCase(Locale.ROOT);
		String where = "crypto component '" + this.component + "'";
		String key = (keyName != null) ? "key '" + keyName + "'" : "the key the ciphertext names";
		if (lower.contains("failed to retrieve the key encryption key") || lower.contains("failed to load key")) {
			return new DaprInvalidArgumentException(call.name() + " failed: " + where + " has no " + key + " (for "
					+ "crypto.dapr.localstorage the key name is a file name in its folder, with its extension). "
					+ "Sidecar said: " + said, details, error);
		}
		if (lower.contains("key type mismatch") || lower.contains("cannot be used with algorithm")
				|| lower.contains("cannot perform the")
				|| lower.contains("unsupported algorithm") || lower.contains("is not supported")
				|| lower.contains("not valid")) {
			return new DaprInvalidArgumentException(call.name() + " failed: " + key + " of " + where
					+ " cannot wrap with the requested algorithm (RSA_OAEP_256 needs an RSA key, A256KW a "
					+ "256-bit AES key). Sidecar said: " + said, details, error);
		}
		if (lower.contains("does not contain a key name")) {
			return new DaprInvalidArgumentException(call.name() + " failed: the ciphertext names no key (it was "
					+ "encrypted with omittingDecryptionKeyName()); pass the key name to decrypt. Sidecar said: " + said,
					details, error);
		}
		if (lower.contains("failed to validate the document's signature")) {
			return new DaprDecryptionException(call.name() + " failed: " + key + " of " + where + " does not open "
					+ "this ciphertext (a wrong key, a key the component does not have, or an altered header); "
					+ "nothing was decrypted. Sidecar said: " + said, details, error);
		}
		if (lower.contains("failed to decrypt segment") || lower.contains("unexpected eof")) {
			return new DaprDecryptionException(call.name() + " failed: the ciphertext was altered or truncated; "
					+ "the data before the failing 64 KiB segment was authentic and may have been written, the rest "
					+ "was not. Discard the output. Sidecar said: " + said, details, error);
		}
		if (lower.contains("invalid header") || lower.contains("unsupported scheme")
				|| lower.contains("scheme name not found")) {
			return new DaprDecryptionException(call.name() + " failed: the input is not a Dapr ciphertext "
					+ "(dapr.io/enc/v1); nothing was decrypted. Sidecar said: " + said, details, error);
		}
		return translated;
	}

	// Each attempt of the call policy reads the input from its start and writes the output anew.
	private static byte[] inMemory(byte[] input, InMemoryAction action) {
		ByteArrayOutputStream output = new ByteArrayOutputStream(input.length + 512);
		try {
			action.run(() -> {
				output.reset();
				return new ByteArrayInputStream(input);
			}, output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Byte arrays do not fail to read or write", ex);
		}
		return output.toByteArray();
	}

	@FunctionalInterface
	private interface InMemoryAction {

		void run(Supplier<InputStream> input, OutputStream output) throws IOException;

	}

	@FunctionalInterface
	private interface Attempt {

		void run(DaprGrpc.DaprStub dapr) throws IOException;

	}

}
