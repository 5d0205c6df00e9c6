package com.forum.search;

/** Elasticsearch could not be reached; posting still works and the index catches up later. */
public class SearchUnavailableException extends RuntimeException {

	public SearchUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
