package io.uxprobe.probes.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code ${name}}, {@code ${env:NAME}}, {@code ${env:NAME:-default}}, {@code ${file:PATH}} and
 * {@code ${secret:NAME}}; {@code $${} stands for a literal {@code ${}.
 * A secret comes from the environment variable NAME, or from the file named by NAME_FILE
 * (the Docker and Kubernetes convention).
 */
public final class TemplateParser {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** What an unset secret stands for where its value is not needed ({@link Environment#withoutSecretValues()}). */
    static final String UNSET_SECRET = "unset-secret";

    private final Environment environment;
    private final Path baseDir;

    public TemplateParser(Environment environment, Path baseDir) {
        this.environment = environment;
        this.baseDir = baseDir;
    }

    public Template parse(String raw) throws TemplateException {
        List<Template.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("$${", i)) {
                text.append("${");
                i += 3;
            } else if (raw.startsWith("${", i)) {
                int end = raw.indexOf('}', i + 2);
                if (end < 0) throw new TemplateException(i, "unclosed '${': add the closing '}' (write '$${' for a literal '${')");
                Template.Part part = reference(raw.substring(i + 2, end), i);
                if (part instanceof Template.Text t && !t.secret()) {
                    text.append(t.value());
                } else {
                    flush(text, parts);
                    parts.add(part);
                }
                i = end + 1;
            } else {
                text.append(raw.charAt(i++));
            }
        }
        flush(text, parts);
        return new Template(parts);
    }

    private static void flush(StringBuilder text, List<Template.Part> parts) {
        if (!text.isEmpty()) {
            parts.add(new Template.Text(text.toString(), false));
            text.setLength(0);
        }
    }

    private Template.Part reference(String inside, int offset) throws TemplateException {
        int colon = inside.indexOf(':');
        if (colon < 0) {
            if (!VARIABLE.matcher(inside).matches()) {
                throw new TemplateException(offset, "'${" + inside + "}' is not a variable name: use letters, digits, '_', '.' or '-', starting with a letter");
            }
            return new Template.Var(inside);
        }
        String source = inside.substring(0, colon);
        String arg = inside.substring(colon + 1);
        return switch (source) {
            case "env" -> env(arg, offset);
            case "file" -> file(arg, offset);
            case "secret" -> secret(arg, offset);
            default -> throw new TemplateException(offset, "unknown source '" + source + "' in '${" + inside + "}': expected env, file or secret");
        };
    }

    private Template.Part env(String arg, int offset) throws TemplateException {
        int dflt = arg.indexOf(":-");
        String name = dflt < 0 ? arg : arg.substring(0, dflt);
        checkEnvName(name, "env", offset);
        Optional<String> value = environment.variable(name);
        if (value.isPresent()) return new Template.Text(value.get(), false);
        if (dflt >= 0) return new Template.Text(arg.substring(dflt + 2), false);
        throw new TemplateException(offset, "environment variable " + name + " is not set (write ${env:" + name + ":-default} to give a default)");
    }

    private Template.Part file(String path, int offset) throws TemplateException {
        if (path.isBlank()) throw new TemplateException(offset, "'${file:}' needs a path, as in ${file:token.txt}");
        try {
            return new Template.Text(environment.readFile(baseDir, path), false);
        } catch (IOException e) {
            throw new TemplateException(offset, "cannot read file " + baseDir.resolve(path) + ": " + reason(e));
        }
    }

    private Template.Part secret(String name, int offset) throws TemplateException {
        checkEnvName(name, "secret", offset);
        Optional<String> value = environment.variable(name);
        if (value.isPresent()) return new Template.Text(value.get(), true);
        Optional<String> file = environment.variable(name + "_FILE");
        if (file.isPresent()) {
            try {
                return new Template.Text(environment.readFile(baseDir, file.get()), true);
            } catch (IOException e) {
                throw new TemplateException(offset, "cannot read secret " + name + " from " + name + "_FILE=" + file.get() + ": " + reason(e));
            }
        }
        if (!environment.secretValuesNeeded()) return new Template.Text(UNSET_SECRET, true);
        throw new TemplateException(offset, "secret " + name + " is not set: set the environment variable " + name + ", or " + name + "_FILE to a file that holds it");
    }

    private static void checkEnvName(String name, String source, int offset) throws TemplateException {
        if (!ENV_NAME.matcher(name).matches()) {
            throw new TemplateException(offset, "'" + name + "' is not an environment variable name in ${" + source + ":…}");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (io.uxprobe.probes.files.SmallFile.notUtf8(e)) return "the file is not UTF-8 text";
        return String.valueOf(e.getMessage());
    }
}
