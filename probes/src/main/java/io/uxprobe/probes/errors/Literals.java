package io.uxprobe.probes.errors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of many fixed texts occur in a text in one pass (Aho–Corasick): the catalog's required literals are
 * looked up all at once, so a page without any error phrase costs one scan, not one per signature.
 */
final class Literals {

    private final Map<String, Integer> index = new HashMap<>(); // each word's index, in the order given
    // per state: sorted transition chars and their targets; fail links; the words ending here (by index)
    private char[][] keys = new char[1][0];
    private int[][] targets = new int[1][0];
    private int[] fail;
    private int[][] output = new int[1][0];
    private int states = 1;

    Literals(Collection<String> texts) {
        for (String text : texts) {
            if (index.putIfAbsent(text, index.size()) == null) add(text, index.size() - 1);
        }
        link();
    }

    /** The words that occur in {@code text}, by their index in {@link #indexOf}. */
    BitSet in(String text) {
        BitSet found = new BitSet(index.size());
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int next;
            while ((next = step(state, c)) < 0 && state != 0) state = fail[state];
            state = Math.max(next, 0);
            for (int w : output[state]) found.set(w);
        }
        return found;
    }

    /** A word's index, for reading {@link #in}'s answer; -1 for a word not given. */
    int indexOf(String word) {
        return index.getOrDefault(word, -1);
    }

    private void add(String word, int index) {
        int state = 0;
        for (int i = 0; i < word.length(); i++) {
            int next = step(state, word.charAt(i));
            if (next < 0) next = grow(state, word.charAt(i));
            state = next;
        }
        output[state] = append(output[state], index);
    }

    private int step(int state, char c) {
        int at = Arrays.binarySearch(keys[state], c);
        return at >= 0 ? targets[state][at] : -1;
    }

    private int grow(int state, char c) {
        if (states == keys.length) {
            keys = Arrays.copyOf(keys, states * 2);
            targets = Arrays.copyOf(targets, states * 2);
            output = Arrays.copyOf(output, states * 2);
        }
        int fresh = states++;
        keys[fresh] = new char[0];
        targets[fresh] = new int[0];
        output[fresh] = new int[0];
        int at = -Arrays.binarySearch(keys[state], c) - 1;
        char[] k = new char[keys[state].length + 1];
        int[] t = new int[k.length];
        System.arraycopy(keys[state], 0, k, 0, at);
        System.arraycopy(targets[state], 0, t, 0, at);
        k[at] = c;
        t[at] = fresh;
        System.arraycopy(keys[state], at, k, at + 1, keys[state].length - at);
        System.arraycopy(targets[state], at, t, at + 1, targets[state].length - at);
        keys[state] = k;
        targets[state] = t;
        return fresh;
    }

    /** Breadth first: each state's fail link is the longest proper suffix that is also a state; outputs carry over. */
    private void link() {
        fail = new int[states];
        List<Integer> queue = new ArrayList<>();
        for (int t : targets[0]) queue.add(t);
        for (int q = 0; q < queue.size(); q++) {
            int s = queue.get(q);
            for (int i = 0; i < keys[s].length; i++) {
                char c = keys[s][i];
                int child = targets[s][i];
                int f = fail[s];
                int next;
                while ((next = step(f, c)) < 0 && f != 0) f = fail[f];
                fail[child] = next >= 0 && next != child ? next : 0;
                for (int w : output[fail[child]]) output[child] = append(output[child], w);
                queue.add(child);
            }
        }
    }

    private static int[] append(int[] a, int v) {
        for (int x : a) if (x == v) return a;
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
