package com.forum.search;

/**
 * How many matches carry one value of a facet (a type, a petition status, a tag, a time range),
 * counted under every other filter the member chose, so they can switch between values.
 */
public record FacetCount(String value, long count) {
}
