package io.uxprobe.probes.spec;

import io.uxprobe.probes.journey.Body;
import io.uxprobe.probes.journey.Request;
import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/** A step's {@code request:}. */
final class RequestBinder {

    private static final List<String> KEYS = List.of("method", "url", "query", "headers", "json", "form", "body", "followRedirects", "allowInsecureRedirects");
    private static final List<String> BODIES = List.of("json", "form", "body");

    private final TemplateReader templates;

    RequestBinder(TemplateReader templates) {
        this.templates = templates;
    }

    Request bind(YamlNode node, String step, boolean followRedirects, Scope scope) throws SpecException {
        Fields fields = Fields.of(node, "'request'", "in request of " + step, KEYS);
        String method = fields.read("method", RequestBinder::method, "GET");
        Template url = url(fields.require("url"), scope);
        List<Request.QueryParam> query = fields.read("query", (n, what) -> query(n, what, scope), List.of());
        Map<String, Template> headers = fields.read("headers", (n, what) -> Headers.read(n, what, scope, templates), Map.of());
        Body body = body(fields, scope);
        return new Request(method, url, query, headers, body, fields.read("followRedirects", Values::bool, followRedirects),
                fields.read("allowInsecureRedirects", Values::bool, false));
    }

    private static String method(YamlNode node, String what) throws SpecException {
        String method = Values.string(node, what).toUpperCase(Locale.ROOT);
        if (!Headers.TOKEN.matcher(method).matches()) {
            throw new SpecException(node.position(), "'" + method + "' is not an HTTP method: write GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS");
        }
        return method;
    }

    private Template url(YamlNode node, Scope scope) throws SpecException {
        Template url = templates.template(node, "'url'", scope);
        if (url.variables().isEmpty() && HttpUrl.parse(url.render(Variables.empty())) == null) {
            throw new SpecException(node.position(), "'" + url + "' is not an absolute URL: write it like https://example.com/path, or start it with a variable such as ${base}");
        }
        return url;
    }

    private List<Request.QueryParam> query(YamlNode node, String what, Scope scope) throws SpecException {
        List<Request.QueryParam> params = new ArrayList<>();
        for (YamlNode.Mapping.Entry e : Values.mapping(node, what).entries()) {
            String param = "query parameter '" + e.key() + "'";
            for (YamlNode.Scalar value : Values.oneOrMany(e.value(), "a string or a list of strings", param)) {
                params.add(new Request.QueryParam(e.key(), templates.template(value, param, scope)));
            }
        }
        return params;
    }

    private Body body(Fields fields, Scope scope) throws SpecException {
        List<YamlNode.Mapping.Entry> given = fields.present(BODIES);
        if (given.isEmpty()) return Body.NONE;
        if (given.size() > 1) {
            throw new SpecException(given.get(1).keyPosition(), "only one of json, form and body is allowed in a request; this one has "
                    + given.get(0).key() + " and " + given.get(1).key());
        }
        YamlNode.Mapping.Entry e = given.getFirst();
        return switch (e.key()) {
            case "json" -> new Body.Json(templates.json(e.value(), "'json'", scope));
            case "form" -> {
                Map<String, Template> form = new LinkedHashMap<>();
                for (YamlNode.Mapping.Entry field : Values.mapping(e.value(), "'form'").entries()) {
                    form.put(field.key(), templates.template(field.value(), "form field '" + field.key() + "'", scope));
                }
                yield new Body.Form(form);
            }
            default -> new Body.Raw(templates.template(e.value(), "'body'", scope));
        };
    }
}
