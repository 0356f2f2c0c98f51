package io.uxprobe.probes.errors;

/**
 * The longest plain text a regex cannot match without, such as {@code "maintenance"} in
 * {@code \b(?:down|offline) for maintenance\b}. Looking for it with {@code indexOf} first skips the regex on the
 * pages that cannot match: a leading {@code \b} or group stops the JDK's own fast literal scan.
 */
final class RequiredLiteral {

    private RequiredLiteral() {}

    /** The literal, or "" when there is none worth using (or the syntax is beyond this simple reading). */
    static String of(String regex) {
        if (regex.contains("\\Q") || regex.matches("(?s).*\\(\\?[a-zA-Z-].*")) {
            return ""; // quoting and inline flags change what the characters mean
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(++i);
                if (depth == 0 && !Character.isLetterOrDigit(next)) {
                    run.append(next); // an escaped symbol such as \( is itself
                    continue;
                }
                best = longer(best, run); // \b, \d, \1…: not a literal
            } else if (c == '[') {
                i = endOfClass(regex, i);
                best = longer(best, run);
            } else if (c == '(') {
                depth++;
                best = longer(best, run);
            } else if (c == ')') {
                depth--;
            } else if (depth > 0) {
                continue;
            } else if (c == '|') {
                return ""; // either side may match alone
            } else if (c == '?' || c == '*' || c == '+' || c == '{') {
                if (!run.isEmpty()) {
                    run.setLength(run.length() - 1); // the quantified char may be absent or repeated
                }
                best = longer(best, run);
                if (c == '{') {
                    i = regex.indexOf('}', i);
                }
            } else if (c == '.' || c == '^' || c == '$') {
                best = longer(best, run);
            } else {
                run.append(c);
            }
        }
        best = longer(best, run);
        return best.length() >= 3 ? best : "";
    }

    // Records the run if it is the longest so far, and starts a new one.
    private static String longer(String best, StringBuilder run) {
        String candidate = run.toString();
        run.setLength(0);
        return candidate.length() > best.length() ? candidate : best;
    }

    private static int endOfClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++; // "[]…]" and "[^]…]" start with a literal ']'
        }
        for (; i < regex.length(); i++) {
            if (regex.charAt(i) == '\\') {
                i++;
            } else if (regex.charAt(i) == ']') {
                return i;
            }
        }
        return regex.length();
    }
}
