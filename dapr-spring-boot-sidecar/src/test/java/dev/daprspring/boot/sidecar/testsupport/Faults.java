package dev.daprspring.boot.sidecar.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Proxies that pass calls on to a real client, for injecting a sidecar's faults (a lost
 * answer, a failed call) between the code under test and the real sidecar.
 */
public final class Faults {

	private Faults() {
	}

	/** A proxy of the interface whose every call goes to the handler. */
	public static <T> T proxy(Class<T> type, InvocationHandler handler) {
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler));
	}

	/** Calls the method on the real target, throwing what it throws. */
	public static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
