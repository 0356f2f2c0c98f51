package io.uxprobe.probes.spec;

import io.uxprobe.probes.browser.PageAction;
import io.uxprobe.probes.browser.PageCondition;
import io.uxprobe.probes.browser.PageExtraction;
import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/** The {@code browser:} of a step: the page it opens and what a user does there; and what its {@code extract:} reads. */
final class BrowserBinder {

    static final List<String> KEYS = List.of("open", "actions", "failOnConsoleErrors", "failOnFailedRequests");
    private static final List<String> ACTIONS = List.of("click", "fill", "press", "select", "waitFor", "expectText", "expectNoText");
    /** The keys each action goes with, besides {@code timeout}. */
    private static final Map<String, List<String>> COMPANIONS = Map.of("fill", List.of("value"), "press", List.of("in"), "select", List.of("option"));
    private static final List<String> WAIT_KEYS = List.of("text", "selector", "url");
    private static final List<String> EXTRACT_KEYS = List.of("text", "attribute", "selector", "url", "secret");
    /** Key names {@code press} takes besides a single character, as the DOM's KeyboardEvent.key spells them. */
    static final Set<String> KEY_NAMES = Set.of("Enter", "Tab", "Escape", "Backspace", "Delete", "Space", "ArrowUp", "ArrowDown",
            "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown");

    private final TemplateReader templates;

    BrowserBinder(TemplateReader templates) {
        this.templates = templates;
    }

    /** What the binder read of a {@code browser:} mapping. */
    record Page(Template open, List<PageAction> actions, boolean failOnConsoleErrors, boolean failOnFailedRequests) {}

    Page bind(YamlNode node, String label, Scope scope) throws SpecException {
        Fields fields = Fields.of(node, "'browser'", "in browser of " + label, KEYS);
        YamlNode openNode = fields.require("open");
        Template open = templates.template(openNode, "'open'", scope);
        if (open.variables().isEmpty() && HttpUrl.parse(open.render(Variables.empty())) == null) {
            throw new SpecException(openNode.position(), "'" + open + "' is not an absolute http(s) URL: write it like https://example.com/player, "
                    + "or start it with a variable such as ${base}");
        }
        List<PageAction> actions = new ArrayList<>();
        Optional<YamlNode> list = fields.get("actions");
        if (list.isPresent()) {
            for (YamlNode item : Values.sequence(list.get(), "'actions'").items()) actions.add(action(item, label, scope));
        }
        return new Page(open, actions, fields.read("failOnConsoleErrors", Values::bool, false),
                fields.read("failOnFailedRequests", Values::bool, false));
    }

    private PageAction action(YamlNode item, String label, Scope scope) throws SpecException {
        YamlNode.Mapping m = Values.mapping(item, "an action");
        List<YamlNode.Mapping.Entry> named = m.entries().stream().filter(e -> ACTIONS.contains(e.key())).toList();
        if (named.isEmpty()) {
            throw new SpecException(m.position(), "an action of " + label + " needs one of: " + String.join(", ", ACTIONS));
        }
        if (named.size() > 1) {
            throw new SpecException(named.get(1).keyPosition(), "one action per list item: this one has " + named.get(0).key() + " and "
                    + named.get(1).key() + "; start a new item with '- " + named.get(1).key() + ":'");
        }
        String kind = named.getFirst().key();
        List<String> allowed = new ArrayList<>(List.of(kind));
        allowed.addAll(COMPANIONS.getOrDefault(kind, List.of()));
        allowed.add("timeout");
        Fields fields = Fields.of(m, "an action", "in the " + kind + " action of " + label, allowed);
        YamlNode value = fields.require(kind);
        Position at = named.getFirst().keyPosition();
        Optional<Duration> timeout = fields.read("timeout", Values::duration);
        String what = "'" + kind + "'";
        return switch (kind) {
            case "click" -> new PageAction.Click(selector(value, what), timeout, at);
            case "fill" -> new PageAction.Fill(selector(value, what), templates.template(fields.require("value"), "'value'", scope), timeout, at);
            case "press" -> new PageAction.Press(key(value), fields.read("in", BrowserBinder::selector), timeout, at);
            case "select" -> new PageAction.Select(selector(value, what), templates.template(fields.require("option"), "'option'", scope), timeout, at);
            case "waitFor" -> new PageAction.WaitFor(condition(value, label, scope), timeout, at);
            case "expectText" -> new PageAction.ExpectText(text(value, what, scope), timeout, at);
            default -> new PageAction.ExpectNoText(text(value, what, scope), timeout, at);
        };
    }

    private PageCondition condition(YamlNode node, String label, Scope scope) throws SpecException {
        Fields fields = Fields.of(node, "'waitFor'", "in waitFor of " + label, WAIT_KEYS);
        List<YamlNode.Mapping.Entry> given = fields.present(WAIT_KEYS);
        if (given.size() != 1) {
            throw new SpecException(given.isEmpty() ? fields.mapping().position() : given.get(1).keyPosition(),
                    "waitFor takes exactly one of text, selector and url");
        }
        YamlNode.Mapping.Entry e = given.getFirst();
        return switch (e.key()) {
            case "text" -> new PageCondition.Text(text(e.value(), "'text'", scope));
            case "selector" -> new PageCondition.Selector(selector(e.value(), "'selector'"));
            default -> new PageCondition.Url(templates.template(e.value(), "'url'", scope));
        };
    }

    private Template text(YamlNode node, String what, Scope scope) throws SpecException {
        Template t = templates.template(node, what, scope);
        if (t.parts().isEmpty() || t.variables().isEmpty() && t.render(Variables.empty()).isBlank()) {
            throw new SpecException(node.position(), what + " needs some text to look for");
        }
        return t;
    }

    /** A CSS selector, as {@code document.querySelector} takes it; the browser checks its syntax when the step runs. */
    static String selector(YamlNode node, String what) throws SpecException {
        String s = Values.string(node, what).strip();
        if (s.isEmpty()) throw new SpecException(node.position(), what + " needs a CSS selector, such as #play or button.search");
        return s;
    }

    private static String key(YamlNode node) throws SpecException {
        String k = Values.string(node, "'press'");
        if (k.codePointCount(0, k.length()) == 1 || KEY_NAMES.contains(k)) return k;
        throw new SpecException(node.position(), "'" + k + "' is not a key press knows: use one character, or one of "
                + String.join(", ", KEY_NAMES.stream().sorted().toList()));
    }

    /** The {@code extract:} of a browser step: {@code text} or {@code attribute} of a selector, or the page's {@code url}. */
    static List<PageExtraction> extractions(YamlNode node, String label) throws SpecException {
        List<PageExtraction> out = new ArrayList<>();
        for (YamlNode.Mapping.Entry e : Values.mapping(node, "'extract'").entries()) {
            String variable = e.key();
            if (!VarsBinder.VARIABLE.matcher(variable).matches()) {
                throw new SpecException(e.keyPosition(), "'" + variable + "' is not a valid variable name: " + VarsBinder.VARIABLE_RULE);
            }
            String extract = "extract '" + variable + "'";
            Fields fields = Fields.of(e.value(), extract, "in " + extract + " of " + label, EXTRACT_KEYS);
            List<YamlNode.Mapping.Entry> sources = fields.present(List.of("text", "attribute", "url"));
            if (sources.size() != 1) {
                throw new SpecException(sources.size() > 1 ? sources.get(1).keyPosition() : e.keyPosition(),
                        extract + " of a browser step takes one of: text (a selector), attribute (with selector), url");
            }
            YamlNode.Mapping.Entry source = sources.getFirst();
            Optional<YamlNode.Mapping.Entry> selector = fields.entry("selector");
            if (selector.isPresent() && !source.key().equals("attribute")) {
                throw new SpecException(selector.get().keyPosition(), "'selector' goes with attribute; for text, give the selector as text's value");
            }
            PageExtraction.PageValue from = switch (source.key()) {
                case "text" -> new PageExtraction.PageValue.Text(selector(source.value(), "'text'"));
                case "attribute" -> {
                    if (selector.isEmpty()) throw new SpecException(source.keyPosition(), extract + ": attribute needs a selector too");
                    yield new PageExtraction.PageValue.Attribute(selector(selector.get().value(), "'selector'"),
                            Values.string(source.value(), "'attribute'").strip());
                }
                default -> {
                    if (!Values.bool(source.value(), "'url'")) throw new SpecException(source.value().position(), "write url: true to extract the page's URL");
                    yield new PageExtraction.PageValue.Url();
                }
            };
            out.add(new PageExtraction(variable, from, fields.read("secret", Values::bool, false)));
        }
        return out;
    }
}
