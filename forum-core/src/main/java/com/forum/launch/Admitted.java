package com.forum.launch;

/** What admission said of one attempt: the reason code the Redis script returned. */
public enum Admitted {

	ADMITTED, SOLD_OUT, NOT_YET, ALREADY, PAUSED, CLOSED;
}
