package dev.daprspring.core.crypto;

/**
 * The authenticated cipher that encrypts the data itself, segment by segment.
 */
public enum DataEncryptionCipher {

	/** AES-GCM, the sidecar's default. */
	AES_GCM("aes-gcm"),

	/** ChaCha20-Poly1305, faster than AES-GCM on processors without AES instructions. */
	CHACHA20_POLY1305("chacha20-poly1305");

	private final String value;

	DataEncryptionCipher(String value) {
		this.value = value;
	}

	/** The name the sidecar knows it by, for example {@code aes-gcm}. */
	public String value() {
		return this.value;
	}

}
