package dev.daprspring.messaging.http;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.daprspring.messaging.job.JobEndpoint;
import dev.daprspring.messaging.job.JobEndpointRegistry;
import dev.daprspring.messaging.job.JobEventDispatcher;

/**
 * The HTTP app channel for jobs: runs each {@code POST /job/<name>} daprd sends when a job
 * is due through the {@link JobEventDispatcher}, answering 200 on success and 500 on
 * failure (the job's failure policy then decides). A job without a handler is answered 404,
 * which daprd counts as done without calling again. Map it to {@link #MAPPING}.
 */
public class DaprJobServlet extends SidecarFacingServlet {

	/** The path to map this servlet to. */
	public static final String MAPPING = "/job/*";

	private final transient JobEndpointRegistry registry;

	private final transient JobEventDispatcher dispatcher;

	public DaprJobServlet(JobEndpointRegistry registry, JobEventDispatcher dispatcher) {
		this.registry = registry;
		this.dispatcher = dispatcher;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String name = (request.getPathInfo() != null) ? request.getPathInfo().substring(1) : "";
		JobEndpoint endpoint = this.registry.endpoint(name);
		if (endpoint == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND, "No @DaprJobListener(\"" + name + "\") here");
			return;
		}
		byte[] body = readBody(request, response);
		if (body == null) {
			return;
		}
		response.setStatus(this.dispatcher.dispatch(endpoint, body) ? HttpServletResponse.SC_OK
				: HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
	}

}
