package io.kalamdb.bench.report;

/** A target and the value measured against it. */
public record TargetCheck(Target target, double actualMicros, boolean met) {
}
