package io.uxprobe.probes.errors;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** Where an element sits, as a person would point at it: {@code main > div[role=alert] > p}. */
final class ElementPath {

    private static final int MAX_STEPS = 6;
    private static final int MAX_NAME = 40;

    private ElementPath() {}

    static String of(Element el) {
        List<String> steps = new ArrayList<>();
        for (Element e = el; e != null && !e.normalName().equals("html") && !e.normalName().equals("#root"); e = e.parent()) {
            steps.addFirst(step(e));
        }
        if (steps.size() > MAX_STEPS) {
            steps = new ArrayList<>(steps.subList(steps.size() - MAX_STEPS + 1, steps.size()));
            steps.addFirst("…");
        }
        return String.join(" > ", steps);
    }

    /** A tag with what tells it apart: its role, else its id, else its first class. */
    private static String step(Element e) {
        String tag = e.normalName();
        if (e.hasAttr("role")) return tag + "[role=" + cut(e.attr("role")) + "]";
        if (e.hasAttr("aria-live")) return tag + "[aria-live=" + cut(e.attr("aria-live")) + "]";
        if (!e.id().isEmpty()) return tag + "#" + cut(e.id());
        if (e.hasAttr("class") && !e.classNames().isEmpty()) return tag + "." + cut(e.classNames().iterator().next());
        return tag;
    }

    private static String cut(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
    }
}
