package dev.daprspring.boot.autoconfigure.sidecar.scanned;

/**
 * Classes for {@code ApplicationClassScanTests}: one marked, one of a type looked for, one neither.
 */
public final class ScannedClasses {

	private ScannedClasses() {
	}

	@Marked
	public static class Old {

	}

	@FunctionalInterface
	public interface Callback {

		void call();

	}

	public static class Plain {

	}

}
