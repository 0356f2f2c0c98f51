package io.uxprobe.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uxprobe.probes.browser.Browser.Visit;
import io.uxprobe.probes.browser.Cookie;
import io.uxprobe.probes.browser.Evidence;
import io.uxprobe.probes.browser.PageAction;
import io.uxprobe.probes.browser.PageCondition;
import io.uxprobe.probes.browser.PageExtraction;
import io.uxprobe.probes.browser.PageReport;
import io.uxprobe.probes.browser.Vital;
import io.uxprobe.probes.browser.Vitals;
import io.uxprobe.probes.deadline.Deadline;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.journey.BrowserStep;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.spec.Durations;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.bidi.browsingcontext.BrowsingContext;
import org.openqa.selenium.bidi.browsingcontext.CreateContextParameters;
import org.openqa.selenium.bidi.browsingcontext.ReadinessState;
import org.openqa.selenium.bidi.module.Input;
import org.openqa.selenium.bidi.module.Storage;
import org.openqa.selenium.bidi.network.BytesValue;
import org.openqa.selenium.bidi.script.EvaluateResult;
import org.openqa.selenium.bidi.script.EvaluateResultExceptionValue;
import org.openqa.selenium.bidi.script.EvaluateResultSuccess;
import org.openqa.selenium.bidi.script.LocalValue;
import org.openqa.selenium.bidi.storage.GetCookiesParameters;
import org.openqa.selenium.bidi.storage.PartialCookie;
import org.openqa.selenium.bidi.storage.SetCookieParameters;
import org.openqa.selenium.bidi.storage.StorageKeyPartitionDescriptor;
import org.openqa.selenium.interactions.KeyInput;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/**
 * One browser step, played once: a fresh user context (its own cookies and storage), one tab, the page opened and
 * acted on, what it shows checked by the error detector after every action and while waiting, its values read, its
 * vitals taken, and on failure a screenshot and its visible text. The user context is removed on every path.
 */
final class PageVisit {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long one look inside the page lasts before uxprobe looks at the page's error messages again. */
    private static final long SLICE_MS = 400;
    /** The visible text kept as evidence, at most. */
    private static final int EVIDENCE_TEXT = 64 * 1024;

    private final BrowserProcess browser;
    private final BrowserStep step;
    private final Variables vars;
    private final long deadline;
    private final ErrorDetector detector;
    private final Redactor masks;
    private final PageEvents events = new PageEvents();
    private String context;
    private boolean interacted;

    /** Why the visit stops early. */
    private static final class Stop extends Exception {
        final Failure failure;

        Stop(FailureReason reason, String detail) {
            this(Failure.of(reason, detail));
        }

        Stop(Failure failure) {
            super(failure.detail(), null, false, false);
            this.failure = failure;
        }
    }

    /** @param deadline when the page work must be over, leaving the caller's reserve for evidence */
    PageVisit(BrowserProcess browser, BrowserStep step, Variables vars, long deadline, ErrorDetector detector, Redactor masks) {
        this.browser = browser;
        this.step = step;
        this.vars = vars;
        this.deadline = deadline;
        this.detector = detector;
        this.masks = masks;
    }

    Visit play(List<Cookie> cookies) {
        long start = System.nanoTime();
        String url = step.open().render(vars);
        Optional<Failure> failure = Optional.empty();
        List<Visit.Value> extracted = List.of();
        List<Cookie> after = List.of();
        Vitals vitals = Vitals.NONE;
        Optional<Evidence> evidence = Optional.empty();
        String finalUrl = url;
        org.openqa.selenium.bidi.module.Browser contexts = new org.openqa.selenium.bidi.module.Browser(browser.driver);
        String userContext = null;
        try {
            userContext = contexts.createUserContext();
            setCookies(userContext, cookies);
            BrowsingContext tab = new BrowsingContext(browser.driver, new CreateContextParameters(WindowType.TAB).userContext(userContext));
            context = tab.getId();
            browser.watch(context, events);
            try {
                open(tab, url);
                for (PageAction action : step.actions()) act(action);
                shown();
                extracted = extract();
            } catch (Stop stop) {
                failure = Optional.of(stop.failure);
            }
            JsonNode measured = measure();
            vitals = vitals(measured);
            finalUrl = measured.path("url").asText(url);
            after = cookies(userContext);
            if (failure.isEmpty()) failure = pageErrors();
            if (failure.isPresent()) evidence = Optional.of(evidence(tab, secrets(extracted)));
        } catch (WebDriverException e) {
            failure = Optional.of(broken(e));
        } finally {
            // a visit its caller gave up on (interrupted) still removes its context, or the browser would keep it
            boolean interrupted = Thread.interrupted();
            if (context != null) browser.forget(context);
            if (userContext != null && browser.running()) removeQuietly(contexts, userContext);
            if (interrupted) Thread.currentThread().interrupt();
        }
        Redactor all = masks.and(secrets(extracted));
        PageReport report = new PageReport(all.redact(finalUrl), vitals, events.consoleErrorCount(),
                events.consoleErrors().stream().map(all::redact).toList(), events.failedRequestCount(),
                events.failedRequests().stream().map(all::redact).toList(), evidence.map(e -> new Evidence(e.screenshotPng(), all.redact(e.visibleText()))));
        return new Visit(failure.map(f -> new Failure(f.reason(), all.redact(f.detail()), f.signature(), f.snippet().map(all::redact))),
                Duration.ofNanos(System.nanoTime() - start), failure.isPresent() ? List.of() : extracted, after, report);
    }

    private void open(BrowsingContext tab, String url) throws Stop {
        try {
            tab.navigate(url, ReadinessState.COMPLETE, Duration.ofNanos(Math.max(left(), TimeUnit.MILLISECONDS.toNanos(1))));
        } catch (WebDriverException e) {
            // a dead browser is the cause even when its silence ran out the clock
            if (!browser.running()) throw new Stop(broken(e));
            if (left() <= 0) {
                shown();
                throw new Stop(FailureReason.TIMEOUT, "the page did not finish loading within " + Durations.format(step.timeout()) + ": " + url);
            }
            throw new Stop(navigationFailure(e.getMessage(), url));
        }
        Optional<Integer> status = events.documentStatus().isPresent() ? Optional.of(events.documentStatus().getAsInt()) : Optional.empty();
        if (status.isPresent() && status.get() >= 400) {
            Optional<Failure> message = errorMessage();
            throw new Stop(Failure.of(FailureReason.HTTP_STATUS, "the page answered " + status.get() + ": " + url
                    + message.map(m -> "; it shows \"" + m.snippet().orElse("") + "\"").orElse("")));
        }
        shown();
    }

    private void act(PageAction action) throws Stop {
        long until = action.timeout().map(t -> Math.min(deadline, System.nanoTime() + t.toNanos())).orElse(deadline);
        String took = Durations.format(action.timeout().orElse(step.timeout()));
        switch (action) {
            case PageAction.Click click -> {
                JsonNode at = target(click.selector(), until, action, took);
                pointer(at);
            }
            case PageAction.Fill fill -> {
                pointer(target(fill.selector(), until, action, took));
                look("selectContent", Map.of());
                String value = fill.value().render(vars);
                keys(value.isEmpty() ? List.of(Keyboard.codePoint("Backspace")) : value.codePoints().boxed().toList());
            }
            case PageAction.Press press -> {
                if (press.selector().isPresent()) pointer(target(press.selector().get(), until, action, took));
                keys(List.of(Keyboard.codePoint(press.key())));
            }
            case PageAction.Select select -> {
                String option = select.option().render(vars);
                JsonNode r = await(until, () -> look("choose", Map.of("selector", select.selector(), "option", option)));
                if (!r.path("met").asBoolean()) {
                    throw new Stop(timedOut(action, "\"" + select.selector() + "\" " + r.path("why").asText("is not there") + " after " + took));
                }
                interacted = true;
            }
            case PageAction.WaitFor wait -> {
                JsonNode r = waitFor(wait.condition(), until);
                if (!r.path("met").asBoolean()) throw new Stop(timedOut(action, "not seen within " + took));
            }
            case PageAction.ExpectText expect -> {
                String text = expect.text().render(vars);
                JsonNode r = waitFor(Map.of("kind", "text", "value", text), until);
                if (!r.path("met").asBoolean()) {
                    shown();
                    throw new Stop(FailureReason.ASSERTION, "expected the page to show \"" + text + "\" within " + took + "; it did not");
                }
            }
            case PageAction.ExpectNoText expect -> {
                String text = expect.text().render(vars);
                long briefly = action.timeout().isPresent() ? until : System.nanoTime();
                JsonNode r = waitFor(Map.of("kind", "noText", "value", text), briefly);
                if (!r.path("met").asBoolean()) throw new Stop(FailureReason.ASSERTION, "the page shows \"" + text + "\"");
            }
        }
        shown();
    }

    /** A waitFor that ran out: what the user saw explains it better when the page shows an error. */
    private Failure timedOut(PageAction action, String why) throws Stop {
        shown();
        boolean stepDeadline = action.timeout().isEmpty() || left() <= 0;
        return Failure.of(FailureReason.TIMEOUT, action.describe() + ": " + why
                + (stepDeadline && action.timeout().isPresent() ? " (the step's timeout " + Durations.format(step.timeout()) + " came first)" : ""));
    }

    private JsonNode waitFor(Map<String, String> condition, long until) throws Stop {
        Map<String, String> c = condition;
        return await(until, () -> look("waitFor", Map.of("condition", c, "ms", slice(until))));
    }

    private JsonNode waitFor(PageCondition condition, long until) throws Stop {
        return waitFor(switch (condition) {
            case PageCondition.Text t -> Map.of("kind", "text", "value", t.text().render(vars));
            case PageCondition.Selector s -> Map.of("kind", "selector", "value", s.selector());
            case PageCondition.Url u -> Map.of("kind", "url", "value", u.url().render(vars));
        }, until);
    }

    /** Something to click or type into, visible, enabled and uncovered; its centre in the viewport. */
    private JsonNode target(String selector, long until, PageAction action, String took) throws Stop {
        JsonNode r = waitFor(Map.of("kind", "target", "value", selector), until);
        if (!r.path("met").asBoolean()) throw new Stop(timedOut(action, "\"" + selector + "\" " + r.path("why").asText("is not there") + " after " + took));
        return r;
    }

    @FunctionalInterface
    private interface Look {
        JsonNode once() throws Stop;
    }

    /** Looks again and again until met or {@code until}; between looks, an error message on the page ends the wait. */
    private JsonNode await(long until, Look look) throws Stop {
        for (;;) {
            JsonNode r;
            try {
                r = look.once();
            } catch (Stop stop) {
                throw stop;
            } catch (WebDriverException e) {
                if (!browser.running() || Thread.currentThread().isInterrupted()) throw new Stop(broken(e));
                r = JSON.createObjectNode(); // the page is between documents: look again
                pause(50);
            }
            if (r.has("error")) throw new Stop(FailureReason.CONFIG, r.path("message").asText());
            if (r.path("met").asBoolean()) return r;
            shown();
            if (System.nanoTime() >= until) return r;
        }
    }

    private long slice(long until) {
        return Math.max(0, Math.min(SLICE_MS, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
    }

    /** Fails the step when the page shows an error message, as the HTTP steps' detector reads it. */
    private void shown() throws Stop {
        Optional<Failure> f = errorMessage();
        if (f.isPresent()) throw new Stop(f.get());
    }

    private Optional<Failure> errorMessage() {
        if (!step.errorSignatures()) return Optional.empty();
        String html;
        try {
            html = look("renderedHtml", Map.of()).path("html").asText("");
        } catch (WebDriverException | Stop e) {
            return Optional.empty(); // between documents: the next look sees the new one
        }
        try {
            // a huge page must not hold the step past its deadline: the wait that called this then runs out
            return detector.detect("text/html", html, Deadline.at(deadline)).map(m -> Failure.errorMessage(m.signature(), m.snippet()));
        } catch (Deadline.Exceeded e) {
            return Optional.empty();
        }
    }

    private List<Visit.Value> extract() throws Stop {
        List<Visit.Value> values = new ArrayList<>();
        for (PageExtraction x : step.extractions()) {
            Map<String, String> args = switch (x.from()) {
                case PageExtraction.PageValue.Text t -> Map.of("from", "text", "selector", t.selector());
                case PageExtraction.PageValue.Attribute a -> Map.of("from", "attribute", "selector", a.selector(), "name", a.name());
                case PageExtraction.PageValue.Url u -> Map.of("from", "url");
            };
            JsonNode r = look("extract", args);
            if (r.has("error")) throw new Stop(FailureReason.CONFIG, r.path("message").asText());
            if (!r.has("value")) throw new Stop(FailureReason.EXTRACTION, "cannot extract " + x.variable() + ": " + r.path("missing").asText());
            values.add(new Visit.Value(x.variable(), r.path("value").asText(), x.secret()));
        }
        return values;
    }

    /** The page's vitals and URL, in one look; nothing when the page cannot be read any more. */
    private JsonNode measure() {
        try {
            return look("vitals", Map.of());
        } catch (WebDriverException | Stop e) {
            return JSON.createObjectNode();
        }
    }

    private Vitals vitals(JsonNode v) {
        Map<Vital, Duration> times = new EnumMap<>(Vital.class);
        for (Vital vital : Vital.values()) {
            if (vital == Vital.INP && !interacted) continue;
            JsonNode ms = v.path(vital.label());
            if (ms.isNumber()) times.put(vital, Duration.ofNanos((long) (ms.asDouble() * 1_000_000)));
        }
        JsonNode cls = v.path("cls");
        return new Vitals(times, cls.isNumber() ? OptionalDouble.of(cls.asDouble()) : OptionalDouble.empty());
    }

    /** Console errors and failed requests fail the step only when it says so. */
    private Optional<Failure> pageErrors() {
        if (step.failOnConsoleErrors() && events.consoleErrorCount() > 0) {
            return Optional.of(Failure.of(FailureReason.ASSERTION, "the page logged " + events.consoleErrorCount() + " console error(s), the first: "
                    + events.consoleErrors().getFirst()));
        }
        if (step.failOnFailedRequests() && events.failedRequestCount() > 0) {
            return Optional.of(Failure.of(FailureReason.ASSERTION, events.failedRequestCount() + " request(s) of the page failed, the first: "
                    + events.failedRequests().getFirst()));
        }
        return Optional.empty();
    }

    /** The step's secrets: the run's, and those it extracted itself. */
    private Set<String> secrets(List<Visit.Value> extracted) {
        Set<String> all = new LinkedHashSet<>(masks.secrets());
        extracted.stream().filter(Visit.Value::secret).map(Visit.Value::value).forEach(all::add);
        return all;
    }

    private Evidence evidence(BrowsingContext tab, Set<String> secrets) {
        byte[] png = new byte[0];
        String text = "";
        try {
            // a picture cannot be redacted afterwards: the page is masked first, as shown and with its whitespace folded
            if (!secrets.isEmpty()) look("maskSecrets", Map.of("secrets", shownForms(secrets)));
        } catch (WebDriverException | Stop e) {
            return new Evidence(new byte[0], ""); // no screenshot rather than one that may show a secret
        }
        try {
            png = Base64.getDecoder().decode(tab.captureScreenshot());
        } catch (WebDriverException | IllegalArgumentException e) {
            // a page that cannot be drawn still has its text
        }
        try {
            text = look("shownText", Map.of()).path("text").asText("");
        } catch (WebDriverException | Stop e) {
            // the screenshot is the evidence then
        }
        return new Evidence(png, text.length() > EVIDENCE_TEXT ? text.substring(0, EVIDENCE_TEXT) : text);
    }

    /** How a page may show a secret: as is, and with runs of whitespace as one space (as HTML renders them). */
    private static List<String> shownForms(Set<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s.isBlank()) continue;
            forms.add(s);
            forms.add(s.strip().replaceAll("\\s+", " "));
        }
        return List.copyOf(forms);
    }

    /** Calls uxprobe's page script in the page's isolated world. */
    private JsonNode look(String command, Map<String, ?> args) throws Stop {
        ObjectNode a = JSON.valueToTree(args);
        a.put("command", command);
        EvaluateResult r = browser.script.callFunctionInBrowsingContext(context, BrowserProcess.SANDBOX, "(a) => window.uxprobe(a)", true,
                Optional.of(List.of(LocalValue.stringValue(a.toString()))), Optional.empty(), Optional.empty());
        if (r instanceof EvaluateResultExceptionValue e) {
            throw new WebDriverException("page script failed: " + e.getExceptionDetails().getText());
        }
        Object value = ((EvaluateResultSuccess) r).getResult().getValue().orElse("{}");
        try {
            return JSON.readTree(String.valueOf(value));
        } catch (java.io.IOException e) {
            throw new Stop(FailureReason.BROWSER, "unreadable answer from the page script: " + e.getMessage());
        }
    }

    /** A real mouse click at a point of the viewport: the page gets trusted events, and INP can be measured. */
    private void pointer(JsonNode at) {
        PointerInput mouse = new PointerInput(PointerInput.Kind.MOUSE, "mouse");
        Sequence click = new Sequence(mouse, 0)
                .addAction(mouse.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), at.path("x").asInt(), at.path("y").asInt()))
                .addAction(mouse.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(mouse.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        new Input(browser.driver).perform(context, List.of(click));
        interacted = true;
    }

    private void keys(List<Integer> codePoints) {
        KeyInput keyboard = new KeyInput("keyboard");
        Sequence typing = new Sequence(keyboard, 0);
        for (int c : codePoints) typing.addAction(keyboard.createKeyDown(c)).addAction(keyboard.createKeyUp(c));
        new Input(browser.driver).perform(context, List.of(typing));
        interacted = true;
    }

    private void setCookies(String userContext, List<Cookie> cookies) {
        Storage storage = new Storage(browser.driver);
        for (Cookie c : cookies) {
            PartialCookie cookie = new PartialCookie(c.name(), new BytesValue(BytesValue.Type.STRING, c.value()), c.hostOnly() ? c.domain() : "." + c.domain())
                    .path(c.path()).secure(c.secure()).httpOnly(c.httpOnly());
            c.expiresAt().ifPresent(cookie::expiry);
            storage.setCookie(new SetCookieParameters(cookie, new StorageKeyPartitionDescriptor().userContext(userContext)));
        }
    }

    private List<Cookie> cookies(String userContext) {
        try {
            return new Storage(browser.driver).getCookies(new GetCookiesParameters(new StorageKeyPartitionDescriptor().userContext(userContext)))
                    .getCookies().stream()
                    .filter(c -> c.getValue().getType() == BytesValue.Type.STRING)
                    .map(c -> new Cookie(c.getName(), c.getValue().getValue(), c.getDomain().startsWith(".") ? c.getDomain().substring(1) : c.getDomain(),
                            c.getPath(), c.isSecure(), c.isHttpOnly(), !c.getDomain().startsWith("."),
                            c.getExpiry().map(OptionalLong::of).orElse(OptionalLong.empty())))
                    .toList();
        } catch (WebDriverException e) {
            return List.of();
        }
    }

    private static void removeQuietly(org.openqa.selenium.bidi.module.Browser contexts, String userContext) {
        try {
            contexts.removeUserContext(userContext);
        } catch (WebDriverException e) {
            // the browser is going away; closing it removes the context too
        }
    }

    /**
     * The browser, not the page, failed: it crashed, or refused a command. Only a crash marks it for a restart: a
     * command cut short (the step's caller gave up on it) or refused says nothing about the browser's health, and
     * whether it hangs is for {@link Chromium} to find out.
     */
    private Failure broken(WebDriverException e) {
        if (!browser.running()) {
            browser.broke();
            return Failure.of(FailureReason.BROWSER, "the browser crashed (" + BrowserProcess.firstLine(e.getMessage())
                    + "); it is restarted for the next run");
        }
        return Failure.of(FailureReason.BROWSER, "the browser could not be driven: " + BrowserProcess.firstLine(e.getMessage()));
    }

    /** A navigation Chromium refused, by its net:: error: the same reasons an HTTP step gives. */
    private static Failure navigationFailure(String message, String url) {
        String m = BrowserProcess.firstLine(message);
        FailureReason reason = m.contains("ERR_NAME_NOT_RESOLVED") ? FailureReason.DNS
                : m.contains("ERR_CONNECTION_REFUSED") || m.contains("ERR_ADDRESS_UNREACHABLE") || m.contains("ERR_CONNECTION_TIMED_OUT") ? FailureReason.CONNECT
                : m.contains("ERR_CERT") || m.contains("ERR_SSL") ? FailureReason.TLS
                : m.contains("ERR_") ? FailureReason.PROTOCOL : FailureReason.BROWSER;
        return Failure.of(reason, "cannot open " + url + ": " + m);
    }

    private long left() {
        return deadline - System.nanoTime();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
