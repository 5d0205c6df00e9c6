package com.forum.shared;

/**
 * Whether this thread's read-only transactions may read from a replica. Work that has to see what was
 * just written (a member's requests shortly after the member wrote) runs pinned to the primary; the
 * read-only data source asks here each time it hands out a connection.
 */
public final class ReadRouting {

	private static final ThreadLocal<Boolean> PINNED = new ThreadLocal<>();

	private static final Pin NESTED = () -> {
	};

	private ReadRouting() {
	}

	/** True while this thread's reads go to the primary. */
	public static boolean pinnedToPrimary() {
		return PINNED.get() != null;
	}

	/**
	 * Sends this thread's reads to the primary until the pin is closed (try-with-resources); a pin taken
	 * while pinned already leaves the outer one in charge.
	 */
	public static Pin pinToPrimary() {
		if (pinnedToPrimary()) {
			return NESTED;
		}
		PINNED.set(Boolean.TRUE);
		return PINNED::remove;
	}

	/** Ends a pin; closing it twice is harmless. */
	@FunctionalInterface
	public interface Pin extends AutoCloseable {

		@Override
		void close();
	}
}
