package dev.daprspring.core.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.boot.sidecar.DaprSidecar;
import dev.daprspring.boot.sidecar.component.DaprComponent;
import dev.daprspring.core.DaprTemplate;
import dev.daprspring.core.client.DaprClientOptions;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.error.DaprComponentNotFoundException;
import dev.daprspring.core.error.DaprInvalidArgumentException;
import dev.daprspring.core.error.DaprSidecarUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The cryptography API against a real daprd (an {@code allcomponents} build: DAPRD or
 * {@code ~/.dapr/bin/daprd}) with a {@code crypto.dapr.localstorage} component whose keys
 * are generated here: two RSA key pairs and two 256-bit AES keys.
 */
class CryptoIntegrationTests {

	static final int SEGMENT = 64 * 1024;

	@TempDir
	static Path keys;

	@TempDir
	static Path work;

	static DaprSidecar sidecar;

	static DaprTransport transport;

	static TestObservationRegistry observations = TestObservationRegistry.create();

	static CryptoOperations crypto;

	@BeforeAll
	static void start() throws Exception {
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		KeyPair pair = rsa.generateKeyPair();
		writePem(keys.resolve("rsa-private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
		writePem(keys.resolve("rsa-public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
		writePem(keys.resolve("other-rsa.pem"), "PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded());
		writeAesJwk(keys.resolve("aes-256.json"));
		writeAesJwk(keys.resolve("other-aes.json"));
		sidecar = DaprSidecar.builder("crypto-tests")
			.component(DaprComponent.of("keys", "crypto.dapr.localstorage")
				.withMetadata("path", keys.toAbsolutePath().toString()))
			.start();
		transport = new DaprTransport(DaprClientOptions.of(sidecar.grpcEndpoint(), sidecar.httpEndpoint(), null));
		transport.setObservationRegistry(observations);
		crypto = new DaprTemplate(transport, JsonMapper.builder().build()).crypto("keys");
	}

	@AfterAll
	static void stop() {
		transport.close();
		sidecar.close();
	}

	@Test
	void roundTripsSmallPayloadsWithAnRsaKey() {
		byte[] plaintext = "the quarterly numbers".getBytes(StandardCharsets.UTF_8);
		byte[] ciphertext = crypto.encrypt(plaintext, EncryptOptions.of("rsa-private.pem", KeyWrapAlgorithm.RSA_OAEP_256));
		assertThat(ciphertext).isNotEqualTo(plaintext);
		assertThat(new String(ciphertext, 0, 15, StandardCharsets.US_ASCII)).isEqualTo("dapr.io/enc/v1\n");
		assertThat(indexOf(ciphertext, plaintext)).isEqualTo(-1);
		assertThat(crypto.decrypt(ciphertext)).isEqualTo(plaintext);
		assertThat(crypto.decrypt(ciphertext, "rsa-private.pem")).isEqualTo(plaintext);
	}

	@Test
	void roundTripsWithAnAesKeyAndEitherCipher() {
		byte[] plaintext = "payroll".getBytes(StandardCharsets.UTF_8);
		for (DataEncryptionCipher cipher : DataEncryptionCipher.values()) {
			byte[] ciphertext = crypto.encrypt(plaintext,
					EncryptOptions.of("aes-256.json", KeyWrapAlgorithm.A256KW).withCipher(cipher));
			assertThat(ciphertext).isNotEqualTo(plaintext);
			assertThat(crypto.decrypt(ciphertext)).isEqualTo(plaintext);
		}
	}

	@Test
	void encryptingTheSamePlaintextTwiceGivesDifferentCiphertexts() {
		byte[] plaintext = "same".getBytes(StandardCharsets.UTF_8);
		EncryptOptions options = EncryptOptions.of("aes-256.json", KeyWrapAlgorithm.A256KW);
		assertThat(crypto.encrypt(plaintext, options)).isNotEqualTo(crypto.encrypt(plaintext, options));
	}

	@Test
	void roundTripsAnEmptyPayload() throws IOException {
		byte[] ciphertext = crypto.encrypt(new byte[0], EncryptOptions.of("aes-256.json", KeyWrapAlgorithm.A256KW));
		assertThat(ciphertext).isNotEmpty();
		assertThat(crypto.decrypt(ciphertext)).isEmpty();
		ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
		crypto.decrypt(new ByteArrayInputStream(ciphertext), plaintext);
		assertThat(plaintext.size()).isZero();
	}

	@Test
	void streamsAPayloadLargerThanAGrpcMessageInChunks() throws Exception {
		long size = 9L * 1024 * 1024 + 123;
		Path encrypted = work.resolve("large.enc");
		try (OutputStream file = Files.newOutputStream(encrypted)) {
			crypto.encrypt(new GeneratedInput(size, 7), file,
					EncryptOptions.of("rsa-public.pem", KeyWrapAlgorithm.RSA_OAEP_256)
						.withDecryptionKeyName("rsa-private.pem"));
		}
		// Plaintext, 16 bytes of tag per 64 KiB segment, and a header.
		long segments = (size + SEGMENT - 1) / SEGMENT;
		assertThat(Files.size(encrypted)).isGreaterThan(size + 16 * segments);
		DigestOutput decrypted = new DigestOutput();
		try (InputStream file = Files.newInputStream(encrypted)) {
			crypto.decrypt(file, decrypted);
		}
		assertThat(decrypted.count).isEqualTo(size);
		assertThat(decrypted.hex()).isEqualTo(sha256(new GeneratedInput(size, 7)));
	}

	@Test
	void roundTripsALargeByteArray() {
		byte[] plaintext = new byte[5 * 1024 * 1024 + 1];
		new Random(3).nextBytes(plaintext);
		byte[] ciphertext = crypto.encrypt(plaintext, EncryptOptions.of("aes-256.json", KeyWrapAlgorithm.A256KW));
		assertThat(crypto.decrypt(ciphertext)).isEqualTo(plaintext);
	}

	@Test
	void theDecryptionKeyNameLetsTheOtherKeyOfThePairDecrypt() {
		byte[] plaintext = "for the private key only".getBytes(StandardCharsets.UTF_8);
		byte[] ciphertext = crypto.encrypt(plaintext, EncryptOptions.of("rsa-public.pem", KeyWrapAlgorithm.RSA_OAEP_256)
			.withDecryptionKeyName("rsa-private.pem"));
		assertThat(crypto.decrypt(ciphertext)).isEqualTo(plaintext);
		// Without it the ciphertext names the public key, which cannot unwrap.
		byte[] namingThePublicKey = crypto.encrypt(plaintext,
				EncryptOptions.of("rsa-public.pem", KeyWrapAlgorithm.RSA_OAEP_256));
		assertThatExceptionOfType(DaprDecryptionException.class).isThrownBy(() -> crypto.decrypt(namingThePublicKey))
			.withMessageContaining("the key the ciphertext names of crypto component 'keys' does not open");
		assertThat(crypto.decrypt(namingThePublicKey, "rsa-private.pem")).isEqualTo(plaintext);
	}

	@Test
	void aCiphertextThatNamesNoKeyNeedsTheKeyName() {
		byte[] plaintext = "anonymous".getBytes(StandardCharsets.UTF_8);
		byte[] ciphertext = crypto.encrypt(plaintext,
				EncryptOptions.of("aes-256.json", KeyWrapAlgorithm.A256KW).omittingDecryptionKeyName());
		assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("aes-256.json");
		assertThatExceptionOfType(DaprInvalidArgumentException.class).isThrownBy(() -> crypto.decrypt(ciphertext))
			.withMessageContaining("the ciphertext names no key")
			.withMessageContaining("pass the key name");
		assertThat(crypto.decrypt(ciphertext, "aes-256.json")).isEqualTo(plaintext);
	}

	@Test
	void aWrongKeyFailsWithoutWritingAnyPlaintext() throws IOException {
		byte[] plaintext = new byte[3 * SEGMENT + 5];
		new Random(5).nextBytes(plaintext);
		byte[] aes = crypto.encrypt(plaintext, EncryptOptions.of("aes-256.json", KeyWrapAlgorithm.A256KW));
		byte[] rsa = crypto.encrypt(plaintext, EncryptOptions.of("rsa-private.pem", KeyWrapAlgorithm.RSA_OAEP_256));
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		assertThatExceptionOfType(DaprDecryptionException.class)
			.isThrownBy(() -> crypto.decrypt(new ByteArrayInputStream(aes), output, "other-aes.json"))
			.withMessageContaining("key 'other-aes.json' of crypto component 'keys' does not open this ciphertext")
			.withMessageContaining("nothing was decrypted");
		assertThatExceptionOfType(DaprDecryptionException.class)
			.isThrownBy(() -> crypto.decrypt(new ByteArrayInputStream(rsa), output, "other-rsa.pem"));
		assertThatExceptionOfType(DaprDecryptionException.class).isThrownBy(() -> crypto.decrypt(rsa, "no-such-key"));
		assertThat(output.size()).isZero();
	}

	@Test
	void anAlteredCiphertextFailsAfterWritingOnlyTheAuthenticSegmentsBeforeIt() {
		byte[] plaintext = new byte[4 * SEGMENT];
		new Random(9).nextBytes(plaintext);
		byte[] ciphertext = crypto.encrypt(plaintext, EncryptOptions.of("aes-256.json", KeyWrapAlgorithm.A256KW));
		int header = ciphertext.length - plaintext.length - 4 * 16;
		// One bit flipped in the third segment.
		ciphertext[header + 2 * (SEGMENT + 16) + 100] ^= 1;
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		assertThatExceptionOfType(DaprDecryptionException.class)
			.isThrownBy(() -> crypto.decrypt(new ByteArrayInputStream(ciphertext), output))
			.withMessageContaining("altered or truncated");
		assertThat(output.size()).isLessThanOrEqualTo(2 * SEGMENT);
		assertThat(output.toByteArray()).isEqualTo(Arrays.copyOf(plaintext, output.size()));
		assertThatExceptionOfType(DaprDecryptionException.class).isThrownBy(() -> crypto.decrypt(ciphertext));
	}

	@Test
	void aTruncatedCiphertextFails() {
		byte[] plaintext = new byte[2 * SEGMENT + 10];
		byte[] ciphertext = crypto.encrypt(plaintext, EncryptOptions.of("aes-256.json", KeyWrapAlgorithm.A256KW));
		byte[] truncated = Arrays.copyOf(ciphertext, ciphertext.length - (10 + 16));
		assertThatExceptionOfType(DaprDecryptionException.class).isThrownBy(() -> crypto.decrypt(truncated))
			.withMessageContaining("altered or truncated");
	}

	@Test
	void somethingElseThanACiphertextIsRefused() {
		assertThatExceptionOfType(DaprDecryptionException.class)
			.isThrownBy(() -> crypto.decrypt("hello\nworld\n!\n".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("not a Dapr ciphertext");
	}

	@Test
	void anUnknownKeyIsNamed() {
		assertThatExceptionOfType(DaprInvalidArgumentException.class)
			.isThrownBy(() -> crypto.encrypt(new byte[1], EncryptOptions.of("missing.pem", KeyWrapAlgorithm.RSA_OAEP_256)))
			.withMessageContaining("crypto component 'keys' has no key 'missing.pem'");
	}

	@Test
	void aKeyThatDoesNotFitTheAlgorithmIsRefused() {
		assertThatExceptionOfType(DaprInvalidArgumentException.class)
			.isThrownBy(() -> crypto.encrypt(new byte[1], EncryptOptions.of("rsa-private.pem", KeyWrapAlgorithm.A256KW)))
			.withMessageContaining("rsa-private.pem");
	}

	@Test
	void anUnknownComponentListsTheCryptoComponents() {
		DaprTemplate dapr = new DaprTemplate(transport, JsonMapper.builder().build());
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> dapr.crypto("vault").encrypt(new byte[1], EncryptOptions.of("k", KeyWrapAlgorithm.A256KW)))
			.withMessageContaining("No crypto component named 'vault'")
			.withMessageContaining("keys (crypto.dapr.localstorage)");
		assertThatExceptionOfType(DaprComponentNotFoundException.class)
			.isThrownBy(() -> dapr.crypto("vault").decrypt(new byte[1]));
	}

	@Test
	void aSidecarThatIsDownIsReported() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (DaprTransport down = new DaprTransport(
				DaprClientOptions.of("http://127.0.0.1:" + port, "http://127.0.0.1:" + port, null))) {
			CryptoOperations nowhere = new DaprTemplate(down, JsonMapper.builder().build()).crypto("keys");
			assertThatExceptionOfType(DaprSidecarUnavailableException.class).isThrownBy(() -> nowhere
				.encrypt(new ByteArrayInputStream(new byte[10]), new ByteArrayOutputStream(),
						EncryptOptions.of("aes-256.json", KeyWrapAlgorithm.A256KW)));
		}
	}

	@Test
	void eachCallIsObserved() {
		crypto.encrypt(new byte[1], EncryptOptions.of("aes-256.json", KeyWrapAlgorithm.A256KW));
		TestObservationRegistryAssert.assertThat(observations)
			.hasObservationWithNameEqualTo("dapr.client.requests")
			.that()
			.hasLowCardinalityKeyValue("dapr.building-block", "crypto")
			.hasLowCardinalityKeyValue("dapr.operation", "encrypt")
			.hasLowCardinalityKeyValue("dapr.component", "keys");
	}

	@Test
	void theSidecarsHttpApiReadsWhatThisClientWritesAndTheOtherWayRound() throws Exception {
		byte[] plaintext = new byte[SEGMENT + 300];
		new Random(11).nextBytes(plaintext);
		HttpClient http = HttpClient.newHttpClient();
		byte[] ciphertext = crypto.encrypt(plaintext, EncryptOptions.of("aes-256.json", KeyWrapAlgorithm.A256KW));
		HttpResponse<byte[]> decrypted = http.send(HttpRequest
			.newBuilder(URI.create(sidecar.httpEndpoint() + "/v1.0-alpha1/crypto/keys/decrypt"))
			.PUT(HttpRequest.BodyPublishers.ofByteArray(ciphertext))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(decrypted.statusCode()).isEqualTo(200);
		assertThat(decrypted.body()).isEqualTo(plaintext);
		HttpResponse<byte[]> encrypted = http.send(HttpRequest
			.newBuilder(URI.create(sidecar.httpEndpoint() + "/v1.0-alpha1/crypto/keys/encrypt"))
			.header("dapr-key-name", "rsa-public.pem")
			.header("dapr-key-wrap-algorithm", "RSA-OAEP-256")
			.header("dapr-decryption-key-name", "rsa-private.pem")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(plaintext))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(encrypted.statusCode()).isEqualTo(200);
		assertThat(crypto.decrypt(encrypted.body())).isEqualTo(plaintext);
	}

	@Test
	void theReadmeExampleRuns() throws IOException {
		Backups backups = new Backups(new DaprTemplate(transport, JsonMapper.builder().build()));
		byte[] secret = "s3cret".getBytes(StandardCharsets.UTF_8);
		assertThat(backups.open(backups.seal(secret))).isEqualTo(secret);
		Path file = Files.write(work.resolve("ledger.csv"), new byte[200_000]);
		backups.backUp(file, work.resolve("ledger.enc"));
		Path restored = work.resolve("restored.csv");
		backups.restore(work.resolve("ledger.enc"), restored);
		assertThat(Files.readAllBytes(restored)).isEqualTo(Files.readAllBytes(file));
		byte[] altered = Files.readAllBytes(work.resolve("ledger.enc"));
		altered[altered.length - 100] ^= 1;
		Files.write(work.resolve("altered.enc"), altered);
		assertThatExceptionOfType(DaprDecryptionException.class)
			.isThrownBy(() -> backups.restore(work.resolve("altered.enc"), work.resolve("never.csv")));
		assertThat(work.resolve("never.csv")).doesNotExist();
		assertThat(work.resolve("never.csv.partial")).doesNotExist();
	}

	static void writePem(Path file, String type, byte[] der) throws IOException {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
	}

	static void writeAesJwk(Path file) throws IOException {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Files.writeString(file, "{\"kty\":\"oct\",\"k\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(key)
				+ "\"}");
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	static String sha256(InputStream input) throws IOException {
		DigestOutput digest = new DigestOutput();
		input.transferTo(digest);
		return digest.hex();
	}

	/** Pseudo-random bytes of a given length, made as they are read. */
	static final class GeneratedInput extends InputStream {

		private final Random random;

		private long left;

		GeneratedInput(long size, long seed) {
			this.random = new Random(seed);
			this.left = size;
		}

		@Override
		public int read() {
			if (this.left == 0) {
				return -1;
			}
			this.left--;
			return this.random.nextInt(256);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.left == 0) {
				return -1;
			}
			int n = (int) Math.min(length, this.left);
			for (int i = 0; i < n; i++) {
				buffer[offset + i] = (byte) this.random.nextInt(256);
			}
			this.left -= n;
			return n;
		}

	}

	/** Counts and hashes what is written, keeping none of it. */
	static final class DigestOutput extends OutputStream {

		private final MessageDigest digest;

		long count;

		DigestOutput() {
			try {
				this.digest = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void write(int b) {
			this.digest.update((byte) b);
			this.count++;
		}

		@Override
		public void write(byte[] buffer, int offset, int length) {
			this.digest.update(buffer, offset, length);
			this.count += length;
		}

		String hex() {
			return HexFormat.of().formatHex(this.digest.digest());
		}

	}

}
