package dev.daprspring.boot.sidecar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DaprdBinaryTests {

	@TempDir
	Path dir;

	@Test
	void placementAndSchedulerAreFoundBesideTheDaprdInUse() throws IOException {
		Path daprd = executable(this.dir.resolve("env/daprd"));
		Path scheduler = executable(this.dir.resolve("env/scheduler"));
		executable(this.dir.resolve("home/.dapr/bin/scheduler"));
		assertThat(DaprdBinary.locateBeside("scheduler", null, Map.of("DAPRD", daprd.toString()),
				this.dir.resolve("home")))
			.isEqualTo(scheduler);
	}

	@Test
	void aMissingControlPlaneBinaryNamesWhereItWasExpected() throws IOException {
		executable(this.dir.resolve("home/.dapr/bin/daprd"));
		assertThatExceptionOfType(DaprdNotFoundException.class)
			.isThrownBy(() -> DaprdBinary.locateBeside("placement", null, Map.of(), this.dir.resolve("home")))
			.withMessageStartingWith("No placement executable beside " + this.dir.resolve("home/.dapr/bin/daprd"))
			.withMessageContaining("scripts/install-daprd")
			.satisfies((ex) -> assertThat(ex.getLocations())
				.containsExactly(this.dir.resolve("home/.dapr/bin/placement").toString()));
		assertThatExceptionOfType(DaprdNotFoundException.class)
			.isThrownBy(() -> DaprdBinary.locateBeside("placement", this.dir.resolve("nope"), Map.of(),
					this.dir.resolve("home")))
			.withMessageStartingWith("The configured placement " + this.dir.resolve("nope"));
	}

	@Test
	void anExplicitPathWins() throws IOException {
		Path explicit = executable(this.dir.resolve("custom/daprd"));
		executable(this.dir.resolve("home/.dapr/bin/daprd"));
		assertThat(DaprdBinary.locate(explicit, Map.of("DAPRD", "/elsewhere"), this.dir.resolve("home")))
			.isEqualTo(explicit);
	}

	@Test
	void theDaprdVariableComesBeforeTheDaprHome() throws IOException {
		Path fromEnv = executable(this.dir.resolve("env/daprd"));
		executable(this.dir.resolve("home/.dapr/bin/daprd"));
		assertThat(DaprdBinary.locate(null, Map.of("DAPRD", fromEnv.toString()), this.dir.resolve("home")))
			.isEqualTo(fromEnv);
	}

	@Test
	void theDaprHomeComesBeforeThePath() throws IOException {
		Path home = executable(this.dir.resolve("home/.dapr/bin/daprd"));
		executable(this.dir.resolve("bin/daprd"));
		assertThat(DaprdBinary.locate(null, Map.of("PATH", this.dir.resolve("bin").toString()),
				this.dir.resolve("home")))
			.isEqualTo(home);
	}

	@Test
	void thePathIsTheLastResort() throws IOException {
		Path onPath = executable(this.dir.resolve("bin/daprd"));
		assertThat(DaprdBinary.locate(null, Map.of("PATH", "/nope:" + this.dir.resolve("bin")),
				this.dir.resolve("home")))
			.isEqualTo(onPath);
	}

	@Test
	void aWrongDaprdVariableIsReportedRatherThanSkipped() throws IOException {
		executable(this.dir.resolve("home/.dapr/bin/daprd"));
		assertThatExceptionOfType(DaprdNotFoundException.class)
			.isThrownBy(() -> DaprdBinary.locate(null, Map.of("DAPRD", "/no/such/daprd"), this.dir.resolve("home")))
			.withMessageContaining("DAPRD is set to /no/such/daprd");
	}

	@Test
	void nothingFoundNamesEveryPlaceAndHowToInstall() {
		assertThatExceptionOfType(DaprdNotFoundException.class)
			.isThrownBy(() -> DaprdBinary.locate(null, Map.of("PATH", "/usr/nothing"), this.dir.resolve("home")))
			.withMessageContaining(this.dir.resolve("home/.dapr/bin/daprd").toString())
			.withMessageContaining("PATH (/usr/nothing)")
			.withMessageContaining("dapr init --slim")
			.withMessageContaining("scripts/install-daprd")
			.satisfies((ex) -> assertThat(ex.getLocations()).hasSize(3));
	}

	@Test
	void aFileThatIsNotExecutableDoesNotCount() throws IOException {
		Path plain = this.dir.resolve("home/.dapr/bin/daprd");
		Files.createDirectories(plain.getParent());
		Files.writeString(plain, "not a program");
		assertThatExceptionOfType(DaprdNotFoundException.class)
			.isThrownBy(() -> DaprdBinary.locate(null, Map.of(), this.dir.resolve("home")));
	}

	private static Path executable(Path path) throws IOException {
		Files.createDirectories(path.getParent());
		Files.writeString(path, "#!/bin/sh\n");
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
		return path;
	}

}
