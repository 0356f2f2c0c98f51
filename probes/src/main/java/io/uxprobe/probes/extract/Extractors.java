package io.uxprobe.probes.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.uxprobe.probes.deadline.Deadline;
import io.uxprobe.probes.deadline.RegexBudget;
import io.uxprobe.probes.http.ObservedResponse;
import java.util.Optional;
import java.util.regex.Matcher;

/** Takes a value for a step's {@code extract:} from a response. */
public final class Extractors {

    private static final int MAX_PATTERN = 80;

    private Extractors() {}

    /** @throws Deadline.Exceeded when extracting ran past {@code deadline} */
    public static Extracted extract(Extractor from, ObservedResponse r, Deadline deadline) {
        return switch (from) {
            case Extractor.JsonPath j -> jsonPath(j, r);
            case Extractor.Regex x -> regex(x, r, deadline);
            case Extractor.Header h -> found(r.header(h.name()), "header " + h.name() + ": missing");
            case Extractor.Cookie c -> found(r.cookie(c.name()), "cookie " + c.name() + ": not set");
        };
    }

    /** The first value found: strings unquoted, numbers and booleans as text, objects and arrays as compact JSON. */
    private static Extracted jsonPath(Extractor.JsonPath j, ObservedResponse r) {
        if (r.json().isEmpty()) return new Extracted.Missing(j.path() + ": not extracted: " + notJson(r));
        Optional<JsonNode> found = r.jsonPath(j.compiled());
        if (found.isEmpty()) return new Extracted.Missing(j.path() + ": found nothing");
        // an indefinite path ($..id, filters) finds an array of matches
        JsonNode value = j.compiled().isDefinite() ? found.get() : found.get().get(0);
        if (value == null || value.isNull()) return new Extracted.Missing(j.path() + ": is null");
        return new Extracted.Found(value.isTextual() ? value.textValue() : value.toString());
    }

    private static Extracted regex(Extractor.Regex x, ObservedResponse r, Deadline deadline) {
        String where = "regex /" + cut(x.regex().pattern()) + "/: ";
        String body = r.bodyText();
        Matcher m = RegexBudget.matcher(x.regex(), body, deadline);
        if (x.group() < 0 || x.group() > m.groupCount()) {
            return new Extracted.Missing(where + "has no group " + x.group() + " (it has "
                    + (m.groupCount() == 1 ? "1 group" : m.groupCount() + " groups") + ")");
        }
        try {
            if (!m.find()) return new Extracted.Missing(where + "no match in body");
        } catch (RegexBudget.Exhausted e) {
            return new Extracted.Missing(RegexBudget.gaveUp("regex /" + cut(x.regex().pattern()) + "/", body.length()));
        }
        String value = m.group(x.group());
        if (value == null) return new Extracted.Missing(where + "group " + x.group() + " took no part in the match");
        return new Extracted.Found(value);
    }

    private static Extracted found(Optional<String> value, String missing) {
        return value.<Extracted>map(Extracted.Found::new).orElseGet(() -> new Extracted.Missing(missing));
    }

    private static String notJson(ObservedResponse r) {
        if (r.body().length == 0) return "body is empty";
        String type = r.contentType();
        return "body is not JSON (" + (type.isEmpty() ? "no Content-Type" : "Content-Type " + type) + ")";
    }

    private static String cut(String text) {
        return text.length() <= MAX_PATTERN ? text : text.substring(0, MAX_PATTERN - 1) + "…";
    }
}
