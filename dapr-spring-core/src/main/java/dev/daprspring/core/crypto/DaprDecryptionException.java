package dev.daprspring.core.crypto;

import dev.daprspring.core.error.DaprApiException;
import dev.daprspring.core.error.DaprErrorDetails;

/**
 * The sidecar could not decrypt: the key does not open the ciphertext (a wrong key, or one
 * the component does not have), or the ciphertext is not in Dapr's format, was altered or
 * was truncated. The message says which, as far as the sidecar tells.
 */
public class DaprDecryptionException extends DaprApiException {

	public DaprDecryptionException(String message, DaprErrorDetails details, Throwable cause) {
		super(message, details, cause);
	}

}
