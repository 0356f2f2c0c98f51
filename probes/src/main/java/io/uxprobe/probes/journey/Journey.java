package io.uxprobe.probes.journey;

import io.uxprobe.probes.spec.Position;
import java.util.List;

/** What a user does, step by step; the steps share variables, cookies and (per run) connections. */
public record Journey(String name, Position position, Settings settings, List<Step> steps) {

    public Journey {
        steps = List.copyOf(steps);
    }
}
