package com.forum.petition;

public enum PetitionOrder {

	/** Most votes first. */
	TOP,

	/** Most votes within the trending window first. */
	TRENDING,

	NEWEST,

	/** Waiting longest first; the natural order of a triage queue. */
	OLDEST
}
