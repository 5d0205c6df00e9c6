package com.forum.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a member typed, taken apart: free words, and phrases in double quotes (ASCII or the
 * full-width quotes Chinese keyboards type) that must match as written. An unclosed quote counts as
 * free words. Beyond {@code limit} words and phrases the rest is ignored: a query is not a document.
 */
record SearchText(List<String> words, List<String> phrases) {

	static SearchText parse(String text, int limit) {
		List<String> words = new ArrayList<>();
		List<String> phrases = new ArrayList<>();
		StringBuilder free = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			int close = isQuote(c) ? closingQuote(text, i + 1) : -1;
			if (close > 0) {
				String phrase = text.substring(i + 1, close).strip();
				if (!phrase.isEmpty()) {
					phrases.add(phrase);
				}
				free.append(' ');
				i = close + 1;
			}
			else {
				free.append(isQuote(c) ? ' ' : c);
				i++;
			}
		}
		for (String word : free.toString().split("[\\s\\u3000]+")) {
			if (!word.isBlank()) {
				words.add(word);
			}
		}
		int keptPhrases = Math.min(phrases.size(), limit);
		int keptWords = Math.min(words.size(), limit - keptPhrases);
		return new SearchText(List.copyOf(words.subList(0, keptWords)), List.copyOf(phrases.subList(0, keptPhrases)));
	}

	boolean isEmpty() {
		return words.isEmpty() && phrases.isEmpty();
	}

	/** Words of Latin script (or digits), where a typo is worth forgiving. */
	List<String> latinWords() {
		return words.stream().filter(w -> !hasCjk(w)).toList();
	}

	static boolean hasCjk(String text) {
		return text.codePoints().anyMatch(SearchText::isCjk);
	}

	static boolean isCjk(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

	/**
	 * The overlapping pairs of CJK characters in a word ("息屏显示": 息屏, 屏显, 显示), a lone character as
	 * itself, and its Latin parts as they are: what highlighting marks, so a Chinese word lights up as
	 * a whole and its characters found elsewhere one by one do not.
	 */
	static List<String> highlightParts(String word) {
		List<String> parts = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		StringBuilder other = new StringBuilder();
		word.codePoints().forEach(cp -> {
			if (isCjk(cp)) {
				flushOther(other, parts);
				run.appendCodePoint(cp);
			}
			else {
				flushRun(run, parts);
				other.appendCodePoint(cp);
			}
		});
		flushOther(other, parts);
		flushRun(run, parts);
		return parts;
	}

	private static void flushRun(StringBuilder run, List<String> parts) {
		int[] cps = run.codePoints().toArray();
		if (cps.length == 1) {
			parts.add(run.toString());
		}
		for (int i = 0; i + 1 < cps.length; i++) {
			parts.add(new String(cps, i, 2));
		}
		run.setLength(0);
	}

	private static void flushOther(StringBuilder other, List<String> parts) {
		if (!other.isEmpty() && other.codePoints().anyMatch(Character::isLetterOrDigit)) {
			parts.add(other.toString());
		}
		other.setLength(0);
	}

	private static boolean isQuote(char c) {
		return c == '"' || c == '“' || c == '”' || c == '＂';
	}

	private static int closingQuote(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			if (isQuote(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}
}
