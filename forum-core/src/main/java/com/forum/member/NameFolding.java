package com.forum.member;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * How usernames and e-mail addresses are compared, the same way everywhere: for lookup, for uniqueness,
 * for sign-in and for the throttles that count attempts per account. Two spellings that Unicode calls the
 * same text ({@code ａｄｍｉｎ}, {@code Admin}, {@code ADMIN}) fold to one key, and two names a reader
 * cannot tell apart ({@code admin} and {@code аdmin} with a Cyrillic а, {@code mifan} and {@code rnifan})
 * share one skeleton.
 */
public final class NameFolding {

	/** NFKC, then full case folding, then default-ignorable characters removed (Unicode's NFKC_Casefold). */
	private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

	private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

	/** Thread-safe once built; the skeleton is the confusable mapping of Unicode TR39. */
	private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

	private NameFolding() {
	}

	/** The key a name or an address is found and kept unique by. */
	public static String fold(String text) {
		return NFKC_CASEFOLD.normalize(text);
	}

	/** The form a name is shown in: compatibility characters (full-width letters, ligatures) made plain. */
	public static String display(String text) {
		return NFKC.normalize(text);
	}

	/**
	 * The confusable skeleton of a name: equal for names that look alike. Taken of the folded name, so
	 * case does not matter either. TR39 keeps a combining dot above an {@code i}, which is what a folded
	 * {@code İ} becomes, yet an i already shows a dot: the mark is dropped there, so {@code admİn} and
	 * {@code admin} share a skeleton.
	 */
	public static String skeleton(String name) {
		return CONFUSABLES.getSkeleton(fold(name)).replaceAll("(?<=[ij])\u0307", "");
	}

	/** Whether two names fold to the same key (the same account). */
	public static boolean same(String a, String b) {
		return fold(a).equals(fold(b));
	}
}
