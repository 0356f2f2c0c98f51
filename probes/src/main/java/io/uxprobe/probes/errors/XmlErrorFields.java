package io.uxprobe.probes.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The error an XML answer carries, as a client would show it: a SOAP {@code Fault}'s {@code faultstring} (SOAP 1.1)
 * or {@code Reason/Text} (1.2), and the {@code <Error><Code/><Message/></Error>} of S3 and its kin, Azure Storage and
 * AWS's query APIs ({@code <ErrorResponse>}, {@code <Response><Errors>}). The error must be the answer itself or sit
 * in its envelope: an {@code <error>} among a feed's or a document's items is data.
 */
final class XmlErrorFields {

    /** An error answer is small; a document past this is read no further (jsoup's XML parser tolerates the cut). */
    static final int MAX_CHARS = 64 * 1024;
    /** Envelopes are shallow: Envelope > Body > Fault, ErrorResponse > Error, Response > Errors > Error. */
    private static final int MAX_DEPTH = 3;
    /** An envelope has few children (a SOAP Header and Body, a request id beside the errors). */
    private static final int ENVELOPE_CHILDREN = 3;

    private static final Set<String> ERROR_NAMES = Set.of("fault", "error", "errors", "errorresponse", "exception");
    private static final List<String> MESSAGE_NAMES = List.of("faultstring", "message", "reason", "text", "errormessage", "description");
    private static final List<String> CODE_NAMES = List.of("faultcode", "code", "errorcode");

    private XmlErrorFields() {}

    /** The answer's first {@link #MAX_CHARS}, parsed as XML (never fetching a DTD or an entity). */
    static Document parse(String body) {
        return Parser.xmlParser().parseInput(body.length() > MAX_CHARS ? body.substring(0, MAX_CHARS) : body, "");
    }

    /** The error's message and the path it came from ({@code /Envelope/Body/Fault/faultstring}); empty for an answer without one. */
    static Optional<Field> read(Document doc) {
        Element root = doc.children().stream().findFirst().orElse(null);
        if (root == null) return Optional.empty();
        return find(root, 0).flatMap(XmlErrorFields::message);
    }

    /** Error text and where it was found. */
    record Field(String text, String path) {}

    private static Optional<Element> find(Element e, int depth) {
        if (ERROR_NAMES.contains(local(e))) return Optional.of(e);
        if (depth >= MAX_DEPTH || e.children().size() > ENVELOPE_CHILDREN) return Optional.empty();
        for (Element child : e.children()) {
            Optional<Element> found = find(child, depth + 1);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    private static Optional<Field> message(Element error) {
        List<String> texts = new ArrayList<>();
        String path = null;
        // <Errors> holds one <Error> per problem; a lone error holds its message
        List<Element> errors = local(error).equals("errors") && !error.children().isEmpty() ? error.children() : List.of(error);
        for (Element one : errors) {
            Element field = first(one, MESSAGE_NAMES).or(() -> first(one, CODE_NAMES)).orElse(null);
            String text = (field == null ? one.ownText() : field.text()).strip();
            if (text.isEmpty() || isEmptyValue(text)) continue;
            texts.add(codeWords(one, field).map(code -> code + ": " + text).orElse(text));
            if (path == null) path = path(field == null ? one : field);
        }
        return texts.isEmpty() ? Optional.empty() : Optional.of(new Field(String.join("; ", texts), path));
    }

    /**
     * An error's code beside its message, in words, when it is one ({@code AccessDenied} is "Access Denied",
     * {@code SlowDown} "Slow Down"): a code names the error where a message may only explain it.
     */
    private static Optional<String> codeWords(Element error, Element message) {
        Optional<Element> code = first(error, List.of("code"));
        if (code.isEmpty() || code.get() == message || !code.get().text().strip().matches("[A-Z][a-z]+(?:[A-Z][a-z]+)+")) return Optional.empty();
        return Optional.of(code.get().text().strip().replaceAll("(?<=[a-z])(?=[A-Z])", " "));
    }

    /** The first descendant named one of {@code names}, by name order, outside a SOAP {@code detail} (a stack trace). */
    private static Optional<Element> first(Element in, List<String> names) {
        for (String name : names) {
            for (Element e : in.getAllElements()) {
                if (e != in && local(e).equals(name) && !insideDetail(e, in) && !e.text().isBlank()) return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static boolean insideDetail(Element e, Element top) {
        for (Element a = e.parent(); a != null && a != top; a = a.parent()) {
            if (local(a).equals("detail")) return true;
        }
        return false;
    }

    // "0", "false", "none": how a status document says there is no error
    private static boolean isEmptyValue(String text) {
        return Set.of("0", "false", "none", "null", "ok").contains(text.toLowerCase(Locale.ROOT));
    }

    private static String path(Element e) {
        List<String> names = new ArrayList<>();
        for (Element a = e; a != null && !(a instanceof Document); a = a.parent()) names.addFirst(localName(a));
        return "/" + String.join("/", names);
    }

    /** The element's name without its namespace prefix, lower case: {@code soapenv:Fault} is {@code fault}. */
    private static String local(Element e) {
        return localName(e).toLowerCase(Locale.ROOT);
    }

    private static String localName(Element e) {
        String name = e.tagName();
        return name.substring(name.indexOf(':') + 1);
    }
}
