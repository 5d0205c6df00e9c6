package com.forum.points;

/** Where a redemption stands. Only a pending one can still change. */
public enum RedemptionState {

	/** The points are held and the unit set aside, until staff fulfil it. */
	PENDING,

	/** Staff handed it out: the points are spent, and the code (if any) is the member's. */
	FULFILLED,

	/** The member cancelled it: the points and the unit went back. */
	CANCELLED,

	/** Nobody fulfilled it in time: the points and the unit went back. */
	EXPIRED
}
