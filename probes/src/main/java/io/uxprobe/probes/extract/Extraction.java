package io.uxprobe.probes.extract;

/** One {@code extract:} entry: the variable it fills, where from, and whether its value is masked in every output. */
public record Extraction(String variable, Extractor from, boolean secret) {}
