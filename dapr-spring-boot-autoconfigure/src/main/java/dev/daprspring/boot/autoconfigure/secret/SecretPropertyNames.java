package dev.daprspring.boot.autoconfigure.secret;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names the properties of imported secrets. A secret whose only value is named like the
 * secret becomes one property named like it; any other secret gives one property per
 * value, {@code <key>.<value name>}. A {@code :} (the nested separator of Dapr's local
 * secret stores) becomes {@code .}, since {@code ${a:b}} would read as a default value.
 */
final class SecretPropertyNames {

	private SecretPropertyNames() {
	}

	static Map<String, Object> toProperties(Map<String, Map<String, String>> secrets) {
		Map<String, Object> properties = new LinkedHashMap<>();
		secrets.forEach((key, values) -> {
			if (values.size() == 1 && values.containsKey(key)) {
				properties.put(name(key), values.get(key));
			}
			else {
				values.forEach((valueName, value) -> properties.put(name(key) + "." + name(valueName), value));
			}
		});
		return properties;
	}

	private static String name(String secretName) {
		return secretName.replace(':', '.');
	}

}
