package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requirements sharing one scan each find what their own filter matches, as they did
 * scanning on their own.
 */
class ApplicationClassScanTests {

	private static final List<String> PACKAGES = List.of("dev.daprspring.boot.autoconfigure.sidecar.scanned");

	@Test
	void eachFilterOfASharedScanFindsWhatItFindsAlone() {
		AnnotationTypeFilter marked = new AnnotationTypeFilter(dev.daprspring.boot.autoconfigure.sidecar.scanned.Marked.class);
		AssignableTypeFilter plain = new AssignableTypeFilter(
				dev.daprspring.boot.autoconfigure.sidecar.scanned.ScannedClasses.Plain.class);
		List<Object> alone = List.of(DaprControlPlaneRequirement.classesIn(PACKAGES, marked),
				DaprControlPlaneRequirement.classesIn(PACKAGES, plain));
		List<Object> shared = ApplicationClassScan.shared(() -> List.of(
				DaprControlPlaneRequirement.classesIn(PACKAGES, marked),
				DaprControlPlaneRequirement.classesIn(PACKAGES, plain),
				DaprControlPlaneRequirement.classesIn(PACKAGES, marked)));
		assertThat(alone).containsExactly(Set.of("ScannedClasses.Old"),
				Set.of("ScannedClasses.Plain"));
		assertThat(shared).containsExactly(alone.get(0), alone.get(1), alone.get(0));
	}

}
