package io.uxprobe.agent.browser;

import java.nio.file.Path;
import java.util.Optional;

/** The files of what the user saw when a browser step failed: its screenshot (when one was taken) and its visible text. */
public record SavedEvidence(String step, Optional<Path> screenshot, Path text) {}
