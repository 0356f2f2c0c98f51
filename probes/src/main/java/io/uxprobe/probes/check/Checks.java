package io.uxprobe.probes.check;

import static io.uxprobe.probes.check.Details.quote;

import io.uxprobe.probes.deadline.Deadline;
import io.uxprobe.probes.deadline.RegexBudget;
import io.uxprobe.probes.http.ObservedResponse;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks one expectation against a response. A miss is a {@link Failure} whose detail says what was
 * expected and what came back, in one short line with secret values masked.
 */
public final class Checks {

    private Checks() {}

    /**
     * Empty when the expectation holds.
     *
     * @throws Deadline.Exceeded when checking ran past {@code deadline}
     */
    public static Optional<Failure> check(Expectation e, ObservedResponse r, Variables vars, Deadline deadline) {
        return check(e, r, vars, deadline, Redactor.none());
    }

    /**
     * As {@link #check(Expectation, ObservedResponse, Variables, Deadline)}, also masking the run's {@code secrets}
     * in the detail, before any value in it is folded or cut.
     */
    public static Optional<Failure> check(Expectation e, ObservedResponse r, Variables vars, Deadline deadline, Redactor secrets) {
        Redactor redactor = secrets.and(vars.secretValues()).and(secrets(e));
        Optional<String> problem = ScopedValue.where(Details.SECRETS, redactor).call(() -> problem(e, r, vars, deadline));
        FailureReason reason = e instanceof Expectation.Status ? FailureReason.HTTP_STATUS : FailureReason.ASSERTION;
        return problem.map(p -> Failure.of(reason, redactor.redact(p)));
    }

    private static Optional<String> problem(Expectation e, ObservedResponse r, Variables vars, Deadline deadline) {
        return switch (e) {
            case Expectation.Status s -> status(s, r);
            case Expectation.MaxDuration d -> maxDuration(d, r);
            case Expectation.BodyContains c -> withText("bodyContains", c.text(), vars, text -> bodyContains(text, r));
            case Expectation.BodyNotContains c -> withText("bodyNotContains", c.text(), vars, text -> bodyNotContains(text, r));
            case Expectation.BodyMatches m -> bodyMatches(m, r, deadline);
            case Expectation.JsonPath j -> JsonMatchers.check(j, r, vars, deadline);
            case Expectation.Header h -> header(h, r);
        };
    }

    private static Optional<String> status(Expectation.Status s, ObservedResponse r) {
        if (s.allowed().stream().anyMatch(range -> range.contains(r.status()))) return Optional.empty();
        return Optional.of("expected status " + Details.alternatives(s.allowed()) + ", got " + r.status());
    }

    private static Optional<String> maxDuration(Expectation.MaxDuration d, ObservedResponse r) {
        if (r.duration().compareTo(d.max()) <= 0) return Optional.empty();
        return Optional.of("took " + Details.took(r.duration()) + ", over maxDuration " + Details.limit(d.max()));
    }

    private static Optional<String> bodyContains(String text, ObservedResponse r) {
        if (r.bodyText().contains(text)) return Optional.empty();
        return Optional.of("body does not contain " + quote(text));
    }

    private static Optional<String> bodyNotContains(String text, ObservedResponse r) {
        String body = r.bodyText();
        int at = body.indexOf(text);
        if (at < 0) return Optional.empty();
        return Optional.of("body contains " + quote(text) + ": " + Details.excerpt(body, at, at + text.length()));
    }

    private static Optional<String> bodyMatches(Expectation.BodyMatches m, ObservedResponse r, Deadline deadline) {
        String where = "bodyMatches /" + Details.cut(m.regex().pattern()) + "/";
        String body = r.bodyText();
        try {
            if (RegexBudget.matcher(m.regex(), body, deadline).find()) return Optional.empty();
        } catch (RegexBudget.Exhausted e) {
            return Optional.of(RegexBudget.gaveUp(where, body.length()));
        }
        return Optional.of("body does not match /" + Details.cut(m.regex().pattern()) + "/");
    }

    private static Optional<String> header(Expectation.Header h, ObservedResponse r) {
        List<String> values = r.headers(h.name());
        String expected = "header " + h.name() + ": expected " + h.glob();
        if (values.isEmpty()) return Optional.of(expected + ", missing");
        if (values.stream().anyMatch(h::matches)) return Optional.empty();
        return Optional.of(expected + ", got " + Details.values(values));
    }

    private static Set<String> secrets(Expectation e) {
        return switch (e) {
            case Expectation.BodyContains c -> c.text().secrets();
            case Expectation.BodyNotContains c -> c.text().secrets();
            case Expectation.JsonPath j -> JsonMatchers.secrets(j);
            default -> Set.<String>of();
        };
    }

    /** Renders the template, then checks; a {@code ${var}} no earlier step set is a miss, not a crash. */
    private static Optional<String> withText(String key, Template t, Variables vars, Function<String, Optional<String>> check) {
        String text;
        try {
            text = t.render(vars);
        } catch (IllegalStateException unset) {
            return Optional.of(key + ": not checked: " + unset.getMessage());
        }
        return check.apply(text);
    }
}
