package com.forum.search.internal;

import java.time.Instant;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.IndexOperation;
import com.forum.board.BoardId;
import com.forum.discussion.ReplyId;
import com.forum.discussion.ReplySnapshot;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicSnapshot;
import com.forum.member.MemberId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostIndexerTest {

	private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

	@Test
	void aDeletedThreadIsWrittenAsATombstoneWithoutText() {
		BulkOperation operation = PostIndexer.operationFor(topic(true, 4));

		// never a delete: Elasticsearch creates a missing index for a delete with an external version
		assertThat(operation.isIndex()).isTrue();
		IndexOperation<PostDocument> tombstone = operation.index();
		assertThat(tombstone.id()).isEqualTo("t7");
		assertThat(tombstone.version()).isEqualTo(5);
		assertThat(tombstone.versionType()).isEqualTo(VersionType.ExternalGte);
		assertThat(tombstone.document().title()).isNull();
		assertThat(tombstone.document().body()).isNull();
		assertThat(tombstone.document().authorName()).isNull();
	}

	@Test
	void aReplyHiddenByItsThreadsDeletionReplacesTheVisibleReplyAtTheSameVersion() {
		IndexOperation<PostDocument> visible = PostIndexer.operationFor(reply(true)).index();
		IndexOperation<PostDocument> hidden = PostIndexer.operationFor(reply(false)).index();

		assertThat(hidden.version()).isEqualTo(visible.version());
		assertThat(visible.versionType()).isEqualTo(VersionType.External);
		assertThat(hidden.versionType()).isEqualTo(VersionType.ExternalGte);
		assertThat(visible.document().body()).isEqualTo("Try safe mode.");
		assertThat(hidden.document().body()).isNull();
	}

	@Test
	void aLiveThreadIsWrittenWithItsTextAtItsVersion() {
		IndexOperation<PostDocument> write = PostIndexer.operationFor(topic(false, 2)).index();

		assertThat(write.version()).isEqualTo(3);
		assertThat(write.versionType()).isEqualTo(VersionType.External);
		assertThat(write.document().title()).isEqualTo("Battery drain");
		assertThat(write.document().authorName()).isEqualTo("mifan");
	}

	private static TopicSnapshot topic(boolean deleted, long version) {
		return new TopicSnapshot(new TopicId(7), new BoardId(2), new MemberId(3), "mifan", "Battery drain",
				"Since the update.", AT, AT, 1, 0, false, deleted, false, version);
	}

	private static ReplySnapshot reply(boolean visible) {
		return new ReplySnapshot(new ReplyId(11), new TopicId(7), new BoardId(2), new MemberId(4), "helper",
				"Try safe mode.", AT, 0, visible, 6);
	}
}
