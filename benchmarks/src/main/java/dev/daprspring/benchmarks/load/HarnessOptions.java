package dev.daprspring.benchmarks.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --name=value} arguments of a harness that has no rounds or clients (soak, etag,
 * load), each with its default; an unknown name or a malformed number is rejected with the
 * list of known names.
 */
public final class HarnessOptions {

	private final Map<String, String> values;

	private HarnessOptions(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * Reads {@code args} over {@code defaults}.
	 * @throws IllegalArgumentException naming an argument that is unknown or malformed
	 */
	public static HarnessOptions parse(Map<String, String> defaults, String... args) {
		Map<String, String> values = new LinkedHashMap<>(defaults);
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String name = (arg.startsWith("--") && equals > 2) ? arg.substring(2, equals) : null;
			if (name == null || !defaults.containsKey(name)) {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'; expected " + usage(defaults));
			}
			values.put(name, arg.substring(equals + 1));
		}
		return new HarnessOptions(values);
	}

	/** The arguments with their defaults, for usage messages. */
	public static String usage(Map<String, String> defaults) {
		StringBuilder usage = new StringBuilder();
		defaults.forEach((name, value) -> usage.append(usage.isEmpty() ? "" : " ")
			.append("[--")
			.append(name)
			.append('=')
			.append(value)
			.append(']'));
		return usage.toString();
	}

	/** The value as it was given. */
	public String text(String name) {
		return this.values.get(name);
	}

	/** A positive whole number. */
	public int number(String name) {
		String value = this.values.get(name);
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("--" + name + " must be a positive whole number; got '" + value + "'");
	}

	/** A non-negative whole number. */
	public int count(String name) {
		String value = this.values.get(name);
		try {
			int number = Integer.parseInt(value);
			if (number >= 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("--" + name + " must be 0 or more; got '" + value + "'");
	}

	/** A positive number of seconds, fractions allowed. */
	public Duration seconds(String name) {
		String value = this.values.get(name);
		try {
			double seconds = Double.parseDouble(value);
			if (seconds > 0) {
				return Duration.ofMillis(Math.round(seconds * 1000));
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("--" + name + " must be a positive number of seconds; got '" + value + "'");
	}

}
