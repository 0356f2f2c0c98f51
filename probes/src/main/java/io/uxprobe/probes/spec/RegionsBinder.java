package io.uxprobe.probes.spec;

import io.uxprobe.probes.journey.DnsServer;
import io.uxprobe.probes.journey.ProxyServer;
import io.uxprobe.probes.journey.Region;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.Credentials;

/** The file's {@code agent:} and {@code regions:}: where the agent probes from. */
final class RegionsBinder {

    static final List<String> AGENT_KEYS = List.of("region");
    private static final List<String> REGION_KEYS = List.of("name", "proxy", "dns", "vars");
    private static final String PROXY_EXAMPLE = "write it like http://proxy:3128, https://proxy:3128 or socks5://proxy:1080";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.-]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    /** The password of a URL's user info, up to the last '@', to mask it in messages. */
    private static final Pattern PASSWORD = Pattern.compile("(://[^/@:]*:).*@");

    private final TemplateReader templates;
    private final Variables vars;

    RegionsBinder(TemplateReader templates, Variables vars) {
        this.templates = templates;
        this.vars = vars;
    }

    /** {@code agent.region}: the region label of an agent that probes from one place. */
    static Optional<String> agentRegion(Optional<YamlNode> node) throws SpecException {
        if (node.isEmpty()) return Optional.empty();
        Fields agent = Fields.of(node.get(), "'agent'", "in agent", AGENT_KEYS);
        return agent.read("region", (n, what) -> Values.name(n, what, "region name", JourneyBinder.NAME, JourneyBinder.NAME_RULE));
    }

    List<Region> bind(Optional<YamlNode> node) throws SpecException {
        if (node.isEmpty()) return List.of();
        List<YamlNode> items = Values.sequence(node.get(), "'regions'").items();
        if (items.isEmpty()) {
            throw new SpecException(node.get().position(), "'regions' is empty: list at least one region with a name and a proxy, or remove regions:");
        }
        List<Region> regions = new ArrayList<>();
        Map<String, Position> names = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String label = label(items.get(i), i);
            Fields fields = Fields.of(items.get(i), label, "in " + label, REGION_KEYS);
            YamlNode nameNode = fields.require("name");
            String name = Values.name(nameNode, "'name'", "region name", JourneyBinder.NAME, JourneyBinder.NAME_RULE);
            JourneyBinder.unique("region", name, nameNode.position(), names);
            Optional<ProxyServer> proxy = fields.read("proxy", this::proxy);
            Optional<DnsServer> dns = fields.read("dns", this::dns);
            if (dns.isPresent() && proxy.isPresent() && proxy.get().type() == ProxyServer.Type.SOCKS5) {
                throw new SpecException(fields.entry("dns").orElseThrow().keyPosition(), "'dns' does not go with a socks5 proxy in "
                        + label + ": the proxy resolves host names itself; remove dns, or use an http:// proxy");
            }
            Variables own = regionVars(fields.entry("vars").map(YamlNode.Mapping.Entry::value), label);
            regions.add(new Region(name, nameNode.position(), proxy, dns, own));
        }
        return regions;
    }

    /**
     * A region's {@code vars:}: new values for the file's vars when the journey runs from this region (its regional
     * endpoint, say). Only names the file's {@code vars:} define, so every journey's references stay checked.
     */
    private Variables regionVars(Optional<YamlNode> node, String label) throws SpecException {
        Variables own = Variables.empty();
        if (node.isEmpty()) return own;
        for (YamlNode.Mapping.Entry e : Values.mapping(node.get(), "'vars' " + label).entries()) {
            if (!vars.has(e.key())) {
                throw new SpecException(e.keyPosition(), "'" + e.key() + "' in the vars of " + label
                        + " is not a var of the file: define it under vars: first, and the region gives it its own value");
            }
            Template t = templates.template(e.value(), "var '" + e.key() + "' " + label, variable -> vars.has(variable) ? Optional.empty()
                    : Optional.of("undefined variable ${" + variable + "}: define it under vars: or pass --var " + variable + "=..."));
            String value = t.render(vars);
            boolean secret = !t.secrets().isEmpty();
            if (secret) templates.addSecret(value);
            own = own.with(e.key(), value, secret);
        }
        return own;
    }

    private ProxyServer proxy(YamlNode node, String what) throws SpecException {
        String text = rendered(node, what);
        Position at = node.position();
        String shown = shown(text);
        int schemeEnd = text.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        ProxyServer.Type type = switch (scheme) {
            case "http" -> ProxyServer.Type.HTTP;
            case "https" -> ProxyServer.Type.HTTPS;
            case "socks5" -> ProxyServer.Type.SOCKS5;
            default -> throw new SpecException(at, "'" + shown + "' is not a proxy URL: " + PROXY_EXAMPLE);
        };
        // user info up to the last '@', taken as written: a password from ${secret:…} may hold '@', ':' or '/'
        String rest = text.substring(schemeEnd + 3);
        int atSign = rest.lastIndexOf('@');
        Optional<ProxyServer.Credentials> credentials = atSign < 0 ? Optional.empty()
                : Optional.of(credentials(rest.substring(0, atSign), type, shown, at));
        URI uri;
        try {
            uri = new URI(scheme + "://" + rest.substring(atSign + 1));
        } catch (URISyntaxException e) {
            throw new SpecException(at, "'" + shown + "' is not a proxy URL (" + e.getReason() + "): " + PROXY_EXAMPLE);
        }
        if (uri.getHost() == null) throw new SpecException(at, "proxy '" + shown + "' has no host: " + PROXY_EXAMPLE);
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            throw new SpecException(at, "proxy '" + shown + "' needs a port from 1 to 65535: " + PROXY_EXAMPLE);
        }
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        if (!bare) throw new SpecException(at, "proxy '" + shown + "' has a path or query: a proxy is only scheme, host and port");
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new ProxyServer(type, host, uri.getPort(), credentials);
    }

    private ProxyServer.Credentials credentials(String userInfo, ProxyServer.Type type, String shown, Position at) throws SpecException {
        if (type == ProxyServer.Type.SOCKS5) {
            throw new SpecException(at, "proxy '" + shown + "' has credentials, and uxprobe cannot send them to a socks5 proxy: "
                    + "use an http:// proxy for a proxy that needs a password, or a socks5 proxy without one");
        }
        int colon = userInfo.indexOf(':');
        if (colon <= 0) throw new SpecException(at, "proxy '" + shown + "' needs its credentials as user:password@");
        String user = userInfo.substring(0, colon);
        String password = userInfo.substring(colon + 1);
        templates.addSecret(password); // a proxy password is a secret however it was written
        // and so is the Proxy-Authorization it goes out as, should a proxy or site echo it back
        templates.addSecret(Credentials.basic(user, password, StandardCharsets.UTF_8).substring("Basic ".length()));
        return new ProxyServer.Credentials(user, password);
    }

    private DnsServer dns(YamlNode node, String what) throws SpecException {
        String text = rendered(node, what).strip();
        String host = text;
        int port = DnsServer.DEFAULT_PORT;
        String portText = null;
        if (text.startsWith("[") && text.contains("]")) {
            host = text.substring(1, text.indexOf(']'));
            String rest = text.substring(text.indexOf(']') + 1);
            if (!rest.isEmpty()) portText = rest.startsWith(":") ? rest.substring(1) : rest;
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            portText = text.substring(text.indexOf(':') + 1);
        }
        if (portText != null) port = portText.matches("[0-9]{1,5}") ? Integer.parseInt(portText) : 0;
        if (host.isEmpty() || !HOST.matcher(host).matches() || port < 1 || port > 65535) {
            throw new SpecException(node.position(), "'" + text + "' is not a DNS server: write a host or IP address, "
                    + "with a port if it is not 53, like 10.0.0.2, dns.internal:5353 or [fd00::53]:53");
        }
        return new DnsServer(host, port);
    }

    /** The URL as messages show it: no password, no secret. */
    private String shown(String text) {
        Set<String> secrets = new HashSet<>(templates.secrets());
        secrets.addAll(vars.secretValues());
        return PASSWORD.matcher(Redactor.of(secrets).redact(text)).replaceFirst("$1" + Redactor.MASK + "@");
    }

    /** A template that may use file vars and {@code env}, {@code file} and {@code secret}, filled in now. */
    private String rendered(YamlNode node, String what) throws SpecException {
        Template t = templates.template(node, what, variable -> vars.has(variable) ? Optional.empty()
                : Optional.of("undefined variable ${" + variable + "}: define it under vars: or pass --var " + variable + "=..."));
        return t.render(vars);
    }

    private static String label(YamlNode item, int index) {
        if (item instanceof YamlNode.Mapping m
                && m.entry("name").map(YamlNode.Mapping.Entry::value).orElse(null) instanceof YamlNode.Scalar s
                && JourneyBinder.NAME.matcher(s.text()).matches()) {
            return "region '" + s.text() + "'";
        }
        return "region #" + (index + 1);
    }
}
