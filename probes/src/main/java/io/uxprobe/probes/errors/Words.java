package io.uxprobe.probes.errors;

/** How much a person reads in a stretch of text: words in scripts that space them, two characters a word in CJK. */
final class Words {

    private Words() {}

    static double count(CharSequence text, int from, int to) {
        double words = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isCjk(c)) {
                words += 0.5;
                inWord = false;
            } else if (Character.isLetterOrDigit(c)) {
                if (!inWord) words++;
                inWord = true;
            } else if (c != '\'' && c != '-') {
                inWord = false;
            }
        }
        return words;
    }

    static double count(CharSequence text) {
        return count(text, 0, text.length());
    }

    // Han, kana and hangul: written without spaces between words
    private static boolean isCjk(char c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.HANGUL;
    }
}
