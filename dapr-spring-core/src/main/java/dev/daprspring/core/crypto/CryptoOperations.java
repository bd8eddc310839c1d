package dev.daprspring.core.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encryption and decryption by the sidecar with the keys of one crypto component, in
 * Dapr's format ({@code dapr.io/enc/v1}), which any Dapr SDK or the sidecar's HTTP API
 * decrypts. Failures of the sidecar are {@link dev.daprspring.core.error.DaprException}s:
 * an unknown component a {@link dev.daprspring.core.error.DaprComponentNotFoundException},
 * an unknown key or a key that does not fit the algorithm a
 * {@link dev.daprspring.core.error.DaprInvalidArgumentException}, a ciphertext the key does
 * not open a {@link DaprDecryptionException}.
 */
public interface CryptoOperations {

	/** The crypto component's name. */
	String componentName();

	/** Encrypts the bytes; the ciphertext is their size plus a header and 16 bytes per 64 KiB. */
	byte[] encrypt(byte[] plaintext, EncryptOptions options);

	/**
	 * Encrypts what {@code plaintext} holds up to its end into {@code ciphertext}, in chunks;
	 * closes neither stream.
	 * @throws IOException when reading {@code plaintext} or writing {@code ciphertext} fails
	 */
	void encrypt(InputStream plaintext, OutputStream ciphertext, EncryptOptions options) throws IOException;

	/**
	 * Decrypts with the key the ciphertext names. Returns only once the whole message
	 * verified.
	 * @throws DaprDecryptionException when that key does not open the ciphertext, or it
	 * was altered or truncated
	 */
	byte[] decrypt(byte[] ciphertext);

	/** Decrypts with the named key, whatever key the ciphertext names. */
	byte[] decrypt(byte[] ciphertext, String keyName);

	/**
	 * Decrypts what {@code ciphertext} holds up to its end into {@code plaintext}, in chunks,
	 * with the key the ciphertext names; closes neither stream. What is written has been
	 * authenticated, segment by segment: a wrong key writes nothing, an altered or truncated
	 * ciphertext throws after writing the segments before the bad one. Use the output only
	 * when this method returns.
	 * @throws DaprDecryptionException when the key does not open the ciphertext, or it was
	 * altered or truncated
	 * @throws IOException when reading {@code ciphertext} or writing {@code plaintext} fails
	 */
	void decrypt(InputStream ciphertext, OutputStream plaintext) throws IOException;

	/** Decrypts a stream with the named key, whatever key the ciphertext names. */
	void decrypt(InputStream ciphertext, OutputStream plaintext, String keyName) throws IOException;

}
