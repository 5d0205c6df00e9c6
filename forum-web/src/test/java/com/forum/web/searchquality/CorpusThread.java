package com.forum.web.searchquality;

import java.util.List;

/**
 * A thread of the search-quality corpus, before it is posted.
 *
 * @param key stable name that the judgments refer to (database ids differ from run to run)
 * @param board slug of the board it is posted in
 * @param body Markdown of the opening post
 * @param replies Markdown of each reply, in order
 */
record CorpusThread(String key, String board, String title, String body, List<String> replies) {
}
