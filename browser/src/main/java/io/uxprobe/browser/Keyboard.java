package io.uxprobe.browser;

import java.util.Map;
import org.openqa.selenium.Keys;

/** The keys a {@code press} may name, as WebDriver sends them. */
final class Keyboard {

    private static final Map<String, Keys> NAMED = Map.ofEntries(
            Map.entry("Enter", Keys.ENTER), Map.entry("Tab", Keys.TAB), Map.entry("Escape", Keys.ESCAPE), Map.entry("Backspace", Keys.BACK_SPACE),
            Map.entry("Delete", Keys.DELETE), Map.entry("Space", Keys.SPACE), Map.entry("ArrowUp", Keys.ARROW_UP), Map.entry("ArrowDown", Keys.ARROW_DOWN),
            Map.entry("ArrowLeft", Keys.ARROW_LEFT), Map.entry("ArrowRight", Keys.ARROW_RIGHT), Map.entry("Home", Keys.HOME), Map.entry("End", Keys.END),
            Map.entry("PageUp", Keys.PAGE_UP), Map.entry("PageDown", Keys.PAGE_DOWN));

    private Keyboard() {}

    /** The code point WebDriver sends for a named key or a single character (the journey file checked it is one). */
    static int codePoint(String key) {
        Keys named = NAMED.get(key);
        return named != null ? named.charAt(0) : key.codePointAt(0);
    }
}
