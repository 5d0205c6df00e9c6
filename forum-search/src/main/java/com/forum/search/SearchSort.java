package com.forum.search;

public enum SearchSort {

	RELEVANCE, NEWEST
}
