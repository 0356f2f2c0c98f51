package io.uxprobe.probes.spec;

import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The file's {@code notify:}: webhooks told of every state change, and the status page's public address. */
final class NotifyBinder {

    private static final List<String> KEYS = List.of("webhooks", "statusUrl");
    private static final List<String> WEBHOOK_KEYS = List.of("url", "headers", "format", "template", "recoveryTemplate");

    private final TemplateReader templates;
    private final Variables vars;

    NotifyBinder(TemplateReader templates, Variables vars) {
        this.templates = templates;
        this.vars = vars;
    }

    NotifySpec bind(Optional<YamlNode> node) throws SpecException {
        if (node.isEmpty()) return NotifySpec.NONE;
        Fields fields = Fields.of(node.get(), "'notify'", "in notify", KEYS);
        List<NotifySpec.Webhook> webhooks = new ArrayList<>();
        Optional<YamlNode> list = fields.get("webhooks");
        if (list.isPresent()) {
            List<YamlNode> items = Values.sequence(list.get(), "'webhooks'").items();
            for (int i = 0; i < items.size(); i++) webhooks.add(webhook(items.get(i), "webhook " + (i + 1)));
        }
        Optional<String> statusUrl = fields.read("statusUrl", (n, what) -> httpUrl(n, what, rendered(n, what)));
        return new NotifySpec(webhooks, statusUrl);
    }

    private NotifySpec.Webhook webhook(YamlNode node, String label) throws SpecException {
        Fields f = Fields.of(node, label, "in " + label, WEBHOOK_KEYS);
        YamlNode urlNode = f.require("url");
        String url = httpUrl(urlNode, "'url'", rendered(urlNode, "'url'"));
        Map<String, String> headers = new LinkedHashMap<>();
        Optional<YamlNode> headerNode = f.get("headers");
        if (headerNode.isPresent()) {
            Map<String, Position> seen = new LinkedHashMap<>();
            for (YamlNode.Mapping.Entry e : Values.mapping(headerNode.get(), "'headers'").entries()) {
                String name = Headers.checkedName(e, seen);
                headers.put(name, rendered(e.value(), "header '" + name + "'"));
            }
        }
        NotifySpec.Format format = f.read("format", NotifyBinder::format, NotifySpec.Format.JSON);
        Optional<String> template = f.read("template", Values::string);
        Optional<String> recovery = f.read("recoveryTemplate", Values::string);
        return new NotifySpec.Webhook(node.position(), url, headers, format, template, recovery);
    }

    private static NotifySpec.Format format(YamlNode node, String what) throws SpecException {
        String v = Values.string(node, what);
        try {
            return NotifySpec.Format.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SpecException(node.position(), "'" + v + "' is not a webhook format: use json, slack or text");
        }
    }

    /** Renders with the file's vars only: notifications are not part of any journey run. */
    private String rendered(YamlNode node, String what) throws SpecException {
        Template t = templates.template(node, what, variable -> vars.has(variable) ? Optional.empty()
                : Optional.of("undefined variable ${" + variable + "}: define it under vars: or pass --var " + variable + "=..."));
        return t.render(vars);
    }

    private static String httpUrl(YamlNode node, String what, String value) throws SpecException {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return value;
        } catch (java.net.URISyntaxException e) {
            // said below
        }
        throw new SpecException(node.position(), what + " must be an http or https URL");
    }
}
