package com.forum.web.pages;

import java.io.Serializable;

/**
 * A flash notice with arguments, kept as a message key so the page after the redirect words it in
 * the reader's language: {@code new Notice("petitions.notice.bulk-moved", 3, "PLANNED")}. A notice
 * without arguments can be just its key.
 */
public record Notice(String key, Object... args) implements Serializable {
}
