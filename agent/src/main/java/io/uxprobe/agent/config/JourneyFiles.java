package io.uxprobe.agent.config;

import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.JourneyFileLoader;
import io.uxprobe.probes.spec.SpecException;
import io.uxprobe.probes.template.Environment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads the journey files a command names, all or nothing; journey names must be unique across them. */
public final class JourneyFiles {

    private JourneyFiles() {}

    public static List<JourneyFile> load(List<Path> paths, Map<String, String> vars, Environment env) throws SpecException {
        JourneyFileLoader loader = new JourneyFileLoader();
        List<JourneyFile> files = new ArrayList<>();
        Map<String, Journey> seen = new HashMap<>();
        for (Path p : paths) {
            JourneyFile file = loader.load(p, vars, env);
            for (Journey j : file.journeys()) {
                Journey first = seen.putIfAbsent(j.name(), j);
                if (first != null) {
                    throw new SpecException(j.position(), "duplicate journey name '" + j.name() + "' (first at " + first.position() + ")");
                }
            }
            files.add(file);
        }
        return files;
    }
}
