package dev.daprspring.core.crypto;

/**
 * How the sidecar wraps the random key that encrypts one message with the named key
 * (the key encryption key). The algorithm must fit the key. Dapr's scheme also names
 * AES-CBC wraps ({@code A128CBC-NOPAD} to {@code A256CBC-NOPAD}), but the key library of
 * daprd 1.17's local crypto components refuses them ("unsupported algorithm", measured with
 * {@code crypto.dapr.localstorage}), so they are left out.
 */
public enum KeyWrapAlgorithm {

	/** AES key wrap (RFC 3394), for 256-bit AES keys. */
	A256KW("A256KW"),

	/** RSA-OAEP with SHA-256, for RSA keys (the public half is enough to encrypt). */
	RSA_OAEP_256("RSA-OAEP-256");

	private final String value;

	KeyWrapAlgorithm(String value) {
		this.value = value;
	}

	/** The name the sidecar knows it by, for example {@code RSA-OAEP-256}. */
	public String value() {
		return this.value;
	}

}
