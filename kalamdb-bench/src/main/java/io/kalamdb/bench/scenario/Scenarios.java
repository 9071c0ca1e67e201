package io.kalamdb.bench.scenario;

import java.util.List;

/** All scenarios, in the order they run. */
public final class Scenarios {

    private Scenarios() {
    }

    public static List<Scenario> all(int concurrentThreads) {
        return List.of(
                new SingleInsertScenario(),
                new BulkInsertScenario(),
                new PointLookupScenario(),
                new SelectAllScenario(),
                new SelectByFilterScenario(),
                new SelectCountScenario(),
                new AggregateQueryScenario(),
                new MultiTableJoinScenario(),
                new SequentialCrudScenario(),
                new ConcurrentSelectScenario(concurrentThreads));
    }
}
