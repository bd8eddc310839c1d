package dev.daprspring.messaging.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Hands a due job's data to its handler method and tells whether it succeeded. The data is
 * the message payload; {@value #JOB_HEADER} holds the job's name.
 */
public class JobEventDispatcher {

	/** The header holding the job's name. */
	public static final String JOB_HEADER = "dapr_job";

	private static final Log logger = LogFactory.getLog(JobEventDispatcher.class);

	private final MessageHandlerMethodFactory handlerMethodFactory;

	private final Map<JobEndpoint, InvocableHandlerMethod> handlerMethods = new ConcurrentHashMap<>();

	public JobEventDispatcher(MessageHandlerMethodFactory handlerMethodFactory) {
		this.handlerMethodFactory = handlerMethodFactory;
	}

	/**
	 * Runs the endpoint's handler on the calling thread.
	 * @return whether the handler returned normally; a failure is logged, without the data
	 */
	public boolean dispatch(JobEndpoint endpoint, byte[] data) {
		try {
			InvocableHandlerMethod handler = this.handlerMethods.computeIfAbsent(endpoint,
					(key) -> this.handlerMethodFactory.createInvocableHandlerMethod(key.bean(), key.method()));
			handler.invoke(MessageBuilder.withPayload(data).setHeader(JOB_HEADER, endpoint.name()).build());
			return true;
		}
		catch (Exception | LinkageError | AssertionError ex) {
			logger.error("The handler " + endpoint.describe() + " of job '" + endpoint.name() + "' failed; the "
					+ "scheduler is told the tick failed (its failure policy decides whether it calls again)", ex);
			return false;
		}
	}

}
