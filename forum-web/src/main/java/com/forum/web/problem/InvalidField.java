package com.forum.web.problem;

/**
 * One field a request got wrong, as the {@code errors} of a validation problem list it.
 *
 * @param field the field or parameter, as the client named it ({@code title}, {@code tags[1]}, {@code q})
 * @param message what is wrong with it, as a predicate: "must not be blank"
 */
public record InvalidField(String field, String message) {
}
