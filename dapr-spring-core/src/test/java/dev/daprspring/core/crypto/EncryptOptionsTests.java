package dev.daprspring.core.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EncryptOptionsTests {

	@Test
	void recordsTheKeyNameUnlessToldOtherwise() {
		EncryptOptions options = EncryptOptions.of("backup.pem", KeyWrapAlgorithm.RSA_OAEP_256);
		assertThat(options.omitDecryptionKeyName()).isFalse();
		assertThat(options.decryptionKeyName()).isNull();
		assertThat(options.dataEncryptionCipher()).isNull();
		assertThat(options.withDecryptionKeyName("private.pem").decryptionKeyName()).isEqualTo("private.pem");
		assertThat(options.omittingDecryptionKeyName().omitDecryptionKeyName()).isTrue();
		assertThat(options.withCipher(DataEncryptionCipher.CHACHA20_POLY1305).dataEncryptionCipher())
			.isEqualTo(DataEncryptionCipher.CHACHA20_POLY1305);
	}

	@Test
	void namesTheAlgorithmsAsTheSidecarDoes() {
		assertThat(KeyWrapAlgorithm.RSA_OAEP_256.value()).isEqualTo("RSA-OAEP-256");
		assertThat(KeyWrapAlgorithm.A256KW.value()).isEqualTo("A256KW");
		assertThat(DataEncryptionCipher.AES_GCM.value()).isEqualTo("aes-gcm");
		assertThat(DataEncryptionCipher.CHACHA20_POLY1305.value()).isEqualTo("chacha20-poly1305");
	}

	@Test
	void aKeyNameIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> EncryptOptions.of(" ", KeyWrapAlgorithm.A256KW))
			.withMessageContaining("Key name must not be empty");
	}

	@Test
	void anAlgorithmIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> EncryptOptions.of("k", null))
			.withMessageContaining("Key wrap algorithm for key 'k' must not be null");
	}

	@Test
	void omittingAndSettingTheDecryptionKeyNameContradict() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EncryptOptions("k", KeyWrapAlgorithm.A256KW, null, true, "other"))
			.withMessageContaining("both omits the decryption key name and sets it to 'other'");
	}

	@Test
	void aBlankDecryptionKeyNameIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EncryptOptions.of("k", KeyWrapAlgorithm.A256KW).withDecryptionKeyName(""))
			.withMessageContaining("Decryption key name for key 'k' must not be blank");
	}

}
