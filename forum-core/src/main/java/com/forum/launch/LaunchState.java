package com.forum.launch;

/** A launch's life: a draft is seen by staff only; an open launch is scheduled or selling. */
public enum LaunchState {

	DRAFT, OPEN, PAUSED, CLOSED
}
