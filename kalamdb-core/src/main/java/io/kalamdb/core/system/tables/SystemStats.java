package io.kalamdb.core.system.tables;

import io.kalamdb.commons.enums.JobStatus;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.jobs.Job;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Rows of {@code system.stats} (spec storage.md §13.13). */
final class SystemStats {
    private static final Properties BUILD = buildInfo();

    private SystemStats() {
    }

    static List<Object[]> rows(AppContext ctx) {
        List<Object[]> out = new ArrayList<>();
        Runtime rt = Runtime.getRuntime();
        List<Job> jobs = ctx.jobs().list();
        add(out, "server_version", BUILD.getProperty("version", "dev"));
        add(out, "server_build_date", BUILD.getProperty("build_date", "unknown"));
        add(out, "server_git_commit", BUILD.getProperty("commit", "unknown"));
        add(out, "pid", ProcessHandle.current().pid());
        add(out, "uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        add(out, "memory_usage_mb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        int workers = ctx.config().server().workers();
        add(out, "server_workers_effective", workers > 0 ? workers : Math.min(rt.availableProcessors(), 8));
        add(out, "max_connections", ctx.config().performance().maxConnections());
        add(out, "active_connections", ctx.metrics().activeConnections());
        add(out, "active_subscriptions", 0);
        add(out, "total_users", ctx.users().count());
        add(out, "total_namespaces", ctx.namespaces().count());
        add(out, "total_tables", ctx.schemas().tables().size());
        add(out, "total_storages", ctx.storages().count());
        add(out, "total_jobs", jobs.size());
        add(out, "jobs_queued", jobs.stream().filter(j -> j.status() == JobStatus.QUEUED).count());
        add(out, "jobs_running", jobs.stream().filter(j -> j.status() == JobStatus.RUNNING).count());
        add(out, "jobs_failed", jobs.stream().filter(j -> j.status() == JobStatus.FAILED).count());
        add(out, "schema_cache_size", ctx.schemas().tables().size());
        add(out, "schema_registry_size", ctx.schemas().allVersions().size());
        add(out, "node_id", 1);
        add(out, "cluster_mode", false);
        return out;
    }

    private static void add(List<Object[]> out, String name, Object value) {
        out.add(new Object[] {name, String.valueOf(value)});
    }

    private static Properties buildInfo() {
        Properties p = new Properties();
        try (InputStream in = SystemStats.class.getResourceAsStream("/kalamdb-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unpackaged build has no build facts
        }
        return p;
    }
}
