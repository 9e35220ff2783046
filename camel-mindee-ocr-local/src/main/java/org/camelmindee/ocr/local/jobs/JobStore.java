package org.camelmindee.ocr.local.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jobs by job id and by inference id. A finished job is kept for the retention time and then forgotten, as Mindee
 * forgets results: expiry is checked on every read (so an injected clock decides it exactly) and a periodic purge
 * frees the memory.
 */
public final class JobStore {

    private final Map<String, JobEntry> byJobId = new ConcurrentHashMap<>();
    private final Map<String, JobEntry> byInferenceId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration retention;

    public JobStore(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    public void add(JobEntry job) {
        byJobId.put(job.jobId, job);
        byInferenceId.put(job.inferenceId, job);
    }

    public void remove(JobEntry job) {
        byJobId.remove(job.jobId, job);
        byInferenceId.remove(job.inferenceId, job);
    }

    public Optional<JobEntry> job(String jobId) {
        return live(byJobId.get(normalize(jobId)));
    }

    public Optional<JobEntry> inference(String inferenceId) {
        return live(byInferenceId.get(normalize(inferenceId)));
    }

    public int size() {
        return byJobId.size();
    }

    /** Forgets every job whose retention is over. */
    public void purgeExpired() {
        byJobId.values().stream().filter(this::expired).toList().forEach(this::remove);
    }

    private Optional<JobEntry> live(JobEntry job) {
        if (job == null) {
            return Optional.empty();
        }
        if (expired(job)) {
            remove(job);
            return Optional.empty();
        }
        return Optional.of(job);
    }

    private boolean expired(JobEntry job) {
        Instant completed = job.completedAt();
        return completed != null && !clock.instant().isBefore(completed.plus(retention));
    }

    // ids are UUIDs: a client that upper-cases them still finds its job
    private static String normalize(String id) {
        return id == null ? "" : id.toLowerCase(java.util.Locale.ROOT);
    }
}
