package dev.daprspring.core.job;

import java.util.Locale;
import java.util.Optional;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprJobsProtos.DeleteJobRequest;
import io.dapr.v1.DaprJobsProtos.GetJobRequest;
import io.dapr.v1.DaprJobsProtos.Job;
import io.dapr.v1.DaprJobsProtos.ScheduleJobRequest;

import dev.daprspring.core.client.DaprCall;
import dev.daprspring.core.client.DaprTransport;
import dev.daprspring.core.convert.DaprValueConverter;
import dev.daprspring.core.error.DaprApiException;
import org.springframework.util.Assert;

/**
 * {@link JobOperations} over the sidecar's gRPC jobs API: the stable {@code ScheduleJob},
 * {@code GetJob} and {@code DeleteJob} (daprd 1.18+), or {@code ScheduleJobAlpha1},
 * {@code GetJobAlpha1} and {@code DeleteJobAlpha1} where daprd has only those (1.17). A job's data travels as the JSON bytes
 * of an {@code Any}, which daprd hands to the HTTP app channel as the request body.
 */
public final class DaprJobOperations implements JobOperations {

	private final JobsApi api;

	private final DaprValueConverter converter;

	public DaprJobOperations(DaprTransport transport, DaprValueConverter converter) {
		this.api = new JobsApi(transport);
		this.converter = converter;
	}

	/** Whether this client calls daprd's stable jobs methods (false once daprd had only the Alpha1 ones). */
	public boolean usesStableApi() {
		return this.api.usesStableMethods();
	}

	@Override
	public void schedule(DaprJob job) {
		Assert.isTrue(job.schedule() != null || job.dueTime() != null, () -> "Job '" + job.name() + "' has neither "
				+ "a schedule nor a due time: give it cron(...)/every(...) or dueIn(...)/dueAt(...)");
		Job.Builder proto = Job.newBuilder().setName(job.name());
		if (job.schedule() != null) {
			proto.setSchedule(job.schedule());
		}
		if (job.dueTime() != null) {
			proto.setDueTime(job.dueTime());
		}
		if (job.repeats() != null) {
			proto.setRepeats(job.repeats());
		}
		if (job.ttl() != null) {
			proto.setTtl(job.ttl());
		}
		if (job.data() != null) {
			proto.setData(Any.newBuilder().setValue(this.converter.write(job.data())));
		}
		if (job.failurePolicy() != null) {
			proto.setFailurePolicy(failurePolicy(job.failurePolicy()));
		}
		ScheduleJobRequest request = ScheduleJobRequest.newBuilder()
			.setJob(proto)
			.setOverwrite(job.overwrite())
			.build();
		// Idempotent only when overwriting: without, a retry after a lost answer finds its own job.
		DaprCall call = job.overwrite() ? DaprCall.read("jobs", "schedule", job.name())
				: DaprCall.write("jobs", "schedule", job.name());
		this.api.call(call, JobsApi.SCHEDULE, (dapr) -> dapr.scheduleJobAlpha1(request), request);
	}

	@Override
	public <T> Optional<ScheduledJob<T>> get(String name, Class<T> dataType) {
		Assert.hasText(name, "Job name must not be empty");
		GetJobRequest request = GetJobRequest.newBuilder().setName(name).build();
		Job job;
		try {
			job = this.api.call(DaprCall.read("jobs", "get", name), JobsApi.GET, (dapr) -> dapr.getJobAlpha1(request),
					request).getJob();
		}
		catch (DaprApiException ex) {
			if (notFound(ex)) {
				return Optional.empty();
			}
			throw ex;
		}
		ByteString data = job.hasData() ? job.getData().getValue() : ByteString.EMPTY;
		return Optional.of(new ScheduledJob<>(job.getName(), job.hasSchedule() ? job.getSchedule() : null,
				job.hasDueTime() ? job.getDueTime() : null, job.hasRepeats() ? job.getRepeats() : null,
				job.hasTtl() ? job.getTtl() : null, data.isEmpty() ? null : this.converter.read(data, dataType)));
	}

	@Override
	public void delete(String name) {
		Assert.hasText(name, "Job name must not be empty");
		DeleteJobRequest request = DeleteJobRequest.newBuilder().setName(name).build();
		this.api.call(DaprCall.read("jobs", "delete", name), JobsApi.DELETE, (dapr) -> dapr.deleteJobAlpha1(request),
				request);
	}

	// daprd 1.17.5 answers a missing job with an error whose message says so (no NOT_FOUND code).
	private static boolean notFound(DaprApiException ex) {
		String message = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
		return "NOT_FOUND".equals(ex.getDetails().grpcCode()) || message.contains("not found");
	}

	private static CommonProtos.JobFailurePolicy failurePolicy(JobFailurePolicy policy) {
		CommonProtos.JobFailurePolicy.Builder proto = CommonProtos.JobFailurePolicy.newBuilder();
		if (policy.drops()) {
			return proto.setDrop(CommonProtos.JobFailurePolicyDrop.getDefaultInstance()).build();
		}
		CommonProtos.JobFailurePolicyConstant.Builder constant = CommonProtos.JobFailurePolicyConstant.newBuilder()
			.setInterval(com.google.protobuf.Duration.newBuilder()
				.setSeconds(policy.interval().getSeconds())
				.setNanos(policy.interval().getNano()));
		if (policy.maxRetries() != null) {
			constant.setMaxRetries(policy.maxRetries());
		}
		return proto.setConstant(constant).build();
	}

}
