package dev.daprspring.core.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.daprspring.core.DaprOperations;

// The README's example, as it is written there (imports included, package line aside).
class Backups {

	private final CryptoOperations crypto;

	Backups(DaprOperations dapr) {
		this.crypto = dapr.crypto("keys"); // a crypto.dapr.localstorage component
	}

	byte[] seal(byte[] secret) {
		return this.crypto.encrypt(secret, EncryptOptions.of("aes-256.json", KeyWrapAlgorithm.A256KW));
	}

	byte[] open(byte[] sealed) {
		return this.crypto.decrypt(sealed); // with the key the ciphertext names: aes-256.json
	}

	void backUp(Path file, Path encrypted) throws IOException {
		try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(encrypted)) {
			// Anyone with the public key encrypts; only the private key decrypts.
			this.crypto.encrypt(in, out, EncryptOptions.of("rsa-public.pem", KeyWrapAlgorithm.RSA_OAEP_256)
				.withDecryptionKeyName("rsa-private.pem")
				.withCipher(DataEncryptionCipher.CHACHA20_POLY1305));
		}
	}

	void restore(Path encrypted, Path file) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try (InputStream in = Files.newInputStream(encrypted); OutputStream out = Files.newOutputStream(partial)) {
			this.crypto.decrypt(in, out);
		}
		catch (DaprDecryptionException ex) {
			// What was written is authentic but not the whole file.
			Files.deleteIfExists(partial);
			throw ex;
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
	}

}
