package com.forum.launch;

/** What staff do to a launch's state. */
public enum LaunchAction {

	OPEN("opened"), PAUSE("paused"), RESUME("resumed"), CLOSE("closed");

	private final String pastTense;

	LaunchAction(String pastTense) {
		this.pastTense = pastTense;
	}

	public String pastTense() {
		return pastTense;
	}
}
