package io.uxprobe.probes.errors;

/** An error message found in a response: which signature, and a short snippet of what the user saw (not yet redacted). */
public record ErrorMatch(String signature, String snippet) {}
