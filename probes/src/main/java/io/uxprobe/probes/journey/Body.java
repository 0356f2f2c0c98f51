package io.uxprobe.probes.journey;

import io.uxprobe.probes.template.JsonTemplate;
import io.uxprobe.probes.template.Template;
import java.util.Map;

/** A request body: one of {@code json}, {@code form} or {@code body} in the journey file. */
public sealed interface Body {

    record None() implements Body {}

    /** Sent as {@code application/json}. */
    record Json(JsonTemplate value) implements Body {}

    /** Sent as {@code application/x-www-form-urlencoded}, fields in file order. */
    record Form(Map<String, Template> fields) implements Body {
        public Form {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }

    /** Sent as written; the Content-Type comes from the request's headers (default {@code text/plain}). */
    record Raw(Template text) implements Body {}

    Body NONE = new None();
}
