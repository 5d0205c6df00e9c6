package com.forum.board;

public enum BoardKind {

	/** Open discussion. */
	DISCUSSION,

	/** Questions whose asker marks one reply as the accepted answer. */
	SUPPORT
}
