package io.uxprobe.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which outage each region is in right now; switched at run time from any thread. */
final class Outages {

    private final List<String> regions;
    private final Map<String, Outage> modes = new ConcurrentHashMap<>();

    Outages(List<String> regions) {
        this.regions = List.copyOf(regions);
        regions.forEach(r -> modes.put(r, Outage.NONE));
    }

    Outage get(String region) {
        Outage mode = modes.get(region);
        if (mode == null) throw unknown(region);
        return mode;
    }

    void set(String region, Outage mode) {
        if (!modes.containsKey(region)) throw unknown(region);
        modes.put(region, mode);
    }

    boolean knows(String region) {
        return modes.containsKey(region);
    }

    /** Every region's mode, in the order the regions were given. */
    Map<String, Outage> all() {
        Map<String, Outage> all = new LinkedHashMap<>();
        regions.forEach(r -> all.put(r, modes.get(r)));
        return Collections.unmodifiableMap(all);
    }

    private IllegalArgumentException unknown(String region) {
        return new IllegalArgumentException("unknown region '" + region + "': the demo serves " + String.join(", ", regions));
    }
}
