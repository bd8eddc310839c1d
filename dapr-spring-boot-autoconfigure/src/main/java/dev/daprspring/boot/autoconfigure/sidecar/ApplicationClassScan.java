package dev.daprspring.boot.autoconfigure.sidecar;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

/**
 * One component scanner for all the {@link DaprControlPlaneRequirement}s the launcher
 * asks, each with its own filter: the class files of the application's packages are
 * parsed once (the metadata readers are cached), not once per requirement. Outside
 * {@link #shared} every call scans on its own.
 */
final class ApplicationClassScan {

	private static final ThreadLocal<@Nullable ApplicationClassScan> CURRENT = new ThreadLocal<>();

	private final ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(
			false);

	private ApplicationClassScan() {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		this.scanner.setResourceLoader(loader);
		this.scanner.setMetadataReaderFactory(new CachingMetadataReaderFactory(loader));
	}

	/** Runs {@code work} with one scanner shared by every {@link #classesIn} it makes. */
	static <T> T shared(Supplier<T> work) {
		if (CURRENT.get() != null) {
			return work.get();
		}
		CURRENT.set(new ApplicationClassScan());
		try {
			return work.get();
		}
		finally {
			CURRENT.remove();
		}
	}

	static Set<String> classesIn(List<String> packages, TypeFilter filter) {
		ApplicationClassScan scan = CURRENT.get();
		return ((scan != null) ? scan : new ApplicationClassScan()).find(packages, filter);
	}

	private Set<String> find(List<String> packages, TypeFilter filter) {
		this.scanner.resetFilters(false);
		this.scanner.addIncludeFilter(filter);
		Set<String> found = new TreeSet<>();
		for (String name : packages) {
			for (BeanDefinition candidate : this.scanner.findCandidateComponents(name)) {
				found.add(ClassUtils.getShortName(String.valueOf(candidate.getBeanClassName())));
			}
		}
		return found;
	}

}
