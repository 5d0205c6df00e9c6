package com.forum.web.pages;

import java.io.Serializable;

/**
 * A flash notice with arguments, kept as a message key so the page after the redirect words it in
 * the reader's language: {@code new Notice("triage.notice.bulk-scheduled", 3)}. An argument that is
 * itself a {@code MessageSourceResolvable} (a status's name) is worded too. A notice without
 * arguments can be just its key.
 */
public record Notice(String key, Object... args) implements Serializable {
}
