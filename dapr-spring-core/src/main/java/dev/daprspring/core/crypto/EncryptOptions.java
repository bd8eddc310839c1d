package dev.daprspring.core.crypto;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * How to encrypt: with which key of the crypto component, how that key wraps the message's
 * own random key, with which cipher, and which key name the ciphertext records for its
 * decryption. Immutable; each {@code with} method returns a copy.
 *
 * <pre class="code">
 * EncryptOptions.of("backup.pem", KeyWrapAlgorithm.RSA_OAEP_256)
 * 	.withCipher(DataEncryptionCipher.CHACHA20_POLY1305);
 * </pre>
 *
 * @param keyName the key that encrypts, as the component names it (for
 * {@code crypto.dapr.localstorage}: a file name in its folder, with its extension)
 * @param keyWrapAlgorithm how that key wraps the message's key
 * @param dataEncryptionCipher the data's cipher; {@code null} for the sidecar's default,
 * AES-GCM
 * @param omitDecryptionKeyName whether the ciphertext records no key name, so whoever
 * decrypts must name the key
 * @param decryptionKeyName the key name the ciphertext records, when another key than
 * {@code keyName} decrypts it (the private key of a public {@code keyName}); {@code null}
 * to record {@code keyName}
 */
public record EncryptOptions(String keyName, KeyWrapAlgorithm keyWrapAlgorithm,
		@Nullable DataEncryptionCipher dataEncryptionCipher, boolean omitDecryptionKeyName,
		@Nullable String decryptionKeyName) {

	public EncryptOptions {
		Assert.hasText(keyName, "Key name must not be empty: name the key of the crypto component that encrypts");
		Assert.notNull(keyWrapAlgorithm, () -> "Key wrap algorithm for key '" + keyName
				+ "' must not be null: for example RSA_OAEP_256 for an RSA key, A256KW for a 256-bit AES key");
		Assert.isTrue(decryptionKeyName == null || !decryptionKeyName.isBlank(), () -> "Decryption key name for key '"
				+ keyName + "' must not be blank; leave it null to record '" + keyName + "'");
		Assert.isTrue(!omitDecryptionKeyName || decryptionKeyName == null,
				() -> "Encrypting with key '" + keyName + "' both omits the decryption key name and sets it to '"
						+ decryptionKeyName + "': choose one");
	}

	/** Encrypts with this key and key wrap algorithm, recording the key's name for decryption. */
	public static EncryptOptions of(String keyName, KeyWrapAlgorithm keyWrapAlgorithm) {
		return new EncryptOptions(keyName, keyWrapAlgorithm, null, false, null);
	}

	/** Encrypts the data with this cipher. */
	public EncryptOptions withCipher(DataEncryptionCipher cipher) {
		return new EncryptOptions(this.keyName, this.keyWrapAlgorithm, cipher, this.omitDecryptionKeyName,
				this.decryptionKeyName);
	}

	/** Records this key name for decryption, instead of {@link #keyName()}. */
	public EncryptOptions withDecryptionKeyName(String decryptionKeyName) {
		return new EncryptOptions(this.keyName, this.keyWrapAlgorithm, this.dataEncryptionCipher, false,
				decryptionKeyName);
	}

	/** Records no key name: decrypting then needs {@code decrypt(..., keyName)}. */
	public EncryptOptions omittingDecryptionKeyName() {
		return new EncryptOptions(this.keyName, this.keyWrapAlgorithm, this.dataEncryptionCipher, true, null);
	}

}
