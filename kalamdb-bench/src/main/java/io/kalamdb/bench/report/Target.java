package io.kalamdb.bench.report;

import io.kalamdb.bench.run.ScenarioResult;
import java.util.ArrayList;
import java.util.List;

/** A latency goal: the p50 of {@code scenario}, measured client-side over HTTP keep-alive, at most {@code limitMicros}. */
public record Target(String scenario, double limitMicros) {

    public static final List<Target> DEFAULTS = List.of(
            new Target("single_insert", 150),
            new Target("point_lookup", 100));

    public String label() {
        return scenario + " p50 <= " + Format.micros(limitMicros) + " us";
    }

    /** The targets whose scenario ran, with the measured p50. */
    public static List<TargetCheck> evaluate(List<Target> targets, List<ScenarioResult> results) {
        List<TargetCheck> checks = new ArrayList<>();
        for (Target target : targets) {
            for (ScenarioResult result : results) {
                if (result.name().equals(target.scenario()) && result.operations() > 0) {
                    double actual = result.latency().p50Micros();
                    checks.add(new TargetCheck(target, actual, actual <= target.limitMicros()));
                }
            }
        }
        return checks;
    }
}
