package com.forum.shared;

/**
 * Images the app itself serves (members' uploads), which posts show from their own address rather than
 * through the image proxy. Implemented by the feature that keeps them, so rendering needs no knowledge
 * of it.
 */
@FunctionalInterface
public interface LocalImages {

	/** Whether {@code destination} is the app's own address of an image it keeps. */
	boolean serves(String destination);
}
