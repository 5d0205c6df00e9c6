package com.forum.discussion;

import java.time.Clock;
import java.time.Instant;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.forum.board.BoardId;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.shared.MarkdownRenderer;
import com.forum.shared.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads threads and replies for pages, the API and other read models. */
@Service
@Transactional(readOnly = true)
public class DiscussionQueries {

	private static final int QUOTE_EXCERPT = 280;

	private final Topics topics;

	private final Replies replies;

	private final PostRevisions revisions;

	private final HiddenRevisions hiddenRevisions;

	private final PostLikes likes;

	private final TopicViews views;

	private final MemberDirectory members;

	private final MarkdownRenderer markdown;

	private final Clock clock;

	private final DiscussionProperties properties;

	private final JdbcTemplate jdbc;

	DiscussionQueries(Topics topics, Replies replies, PostRevisions revisions, PostLikes likes, TopicViews views,
			MemberDirectory members, MarkdownRenderer markdown, HiddenRevisions hiddenRevisions, Clock clock,
			DiscussionProperties properties, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.hiddenRevisions = hiddenRevisions;
		this.topics = topics;
		this.replies = replies;
		this.revisions = revisions;
		this.likes = likes;
		this.views = views;
		this.members = members;
		this.markdown = markdown;
	}

	/** Threads of a board, or of all boards (null), in the given order; some orders are lists of their own. */
	public Page<TopicSummary> topics(BoardId board, TopicOrder order, int page, int size) {
		Pageable pageable = PageRequest.of(page, size, sort(order));
		Long boardId = board == null ? null : board.value();
		return summaries(switch (order) {
			case FEATURED -> boardId == null ? topics.findLiveFeatured(pageable)
					: topics.findLiveFeaturedInBoard(boardId, pageable);
			case WEEK -> {
				Instant since = clock.instant().minus(properties.hotListWindow());
				yield boardId == null ? topics.findLiveStartedSince(since, pageable)
						: topics.findLiveInBoardStartedSince(boardId, since, pageable);
			}
			default -> boardId == null ? topics.findLive(pageable) : topics.findLiveInBoard(boardId, pageable);
		});
	}

	/**
	 * The threads with these ids in the order given, for lists another feature chose (new, unread, a
	 * member's feed); deleted ones are left out.
	 */
	public List<TopicSummary> summaries(List<TopicId> ids) {
		Map<TopicId, Topic> found = topics.findAllById(ids.stream().map(TopicId::value).toList())
			.stream()
			.filter(t -> !t.isDeleted())
			.collect(Collectors.toMap(Topic::id, t -> t));
		List<Topic> ordered = ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
		return summaries(new org.springframework.data.domain.PageImpl<>(ordered)).getContent();
	}

	public Page<TopicSummary> topicsBy(MemberId author, int page, int size) {
		return summaries(topics.findLiveByAuthor(author.value(), PageRequest.of(page, size, sort(TopicOrder.NEWEST))));
	}

	public TopicDetails topic(TopicId id) {
		Topic topic = topics.findById(id.value()).filter(t -> !t.isDeleted())
			.orElseThrow(() -> new NotFoundException("thread", id));
		String author = members.usernames(Set.of(topic.authorId())).get(topic.authorId());
		return new TopicDetails(topic.id(), topic.boardId(), topic.title(), topic.body(), topic.bodyHtml(),
				topic.authorId(), author, topic.createdAt(), topic.editedAt(), topic.lastActivityAt(),
				topic.replyCount(), topic.likeCount(), topic.viewCount() + views.pending(topic.id()), topic.pinned(),
				topic.locked(), topic.acceptedReplyId(), topic.isHidden(), false, topic.featured());
	}

	/** The board a thread is in, deleted or not; a thread never changes boards. */
	public Optional<BoardId> boardOf(TopicId id) {
		return topics.findById(id.value()).map(Topic::boardId);
	}

	public Page<ReplyDetails> replies(TopicId topicId, int page, int size) {
		return replies(topic(topicId), page, size);
	}

	/** A page of the replies of a topic the caller has just read (the thread page reads it once). */
	public Page<ReplyDetails> replies(TopicDetails topic, int page, int size) {
		Page<Reply> found = replies.findInTopic(topic.id().value(), PageRequest.of(page, size));
		return details(found, topic.acceptedReplyId());
	}

	public ReplyDetails reply(TopicId topicId, ReplyId id) {
		TopicDetails topic = topic(topicId);
		Reply reply = replies.findById(id.value()).filter(r -> r.topicId().equals(topicId) && !r.isDeleted())
			.orElseThrow(() -> new NotFoundException("reply", id));
		return details(new org.springframework.data.domain.PageImpl<>(List.of(reply)), topic.acceptedReplyId())
			.getContent().get(0);
	}

	public Page<ReplyDetails> repliesBy(MemberId author, int page, int size) {
		return details(replies.findLiveByAuthor(author.value(), PageRequest.of(page, size)), null);
	}

	/** Which of these posts the member likes, to show the like buttons' state. */
	public Set<Long> likedBy(MemberId member, PostKind kind, Collection<Long> postIds) {
		return likes.likedBy(member, kind, postIds);
	}

	/**
	 * The post's earlier versions, newest first. Versions a moderator hid say nothing unless
	 * {@code staff} (moderators, employees, admins) read them.
	 */
	public List<Revision> revisions(PostKind kind, long postId, boolean staff) {
		List<PostRevision> found = revisions.findFor(kind, postId);
		Map<MemberId, String> names = members.usernames(found.stream().map(PostRevision::editedBy).toList());
		Set<Long> hidden = hiddenRevisions.hiddenAmong(found.stream().map(PostRevision::id).toList());
		return found.stream()
			.map(r -> r.view(names.get(r.editedBy()), hidden.contains(r.id())))
			.map(r -> staff ? r : r.redacted())
			.toList();
	}

	/** Titles of several topics at once, for search results; deleted topics are left out. */
	public Map<TopicId, String> titles(Collection<TopicId> ids) {
		return topics.findAllById(ids.stream().map(TopicId::value).toList())
			.stream()
			.filter(t -> !t.isDeleted())
			.collect(Collectors.toMap(Topic::id, Topic::title));
	}

	public Optional<TopicSnapshot> topicSnapshot(TopicId id) {
		return topics.findById(id.value()).map(t -> snapshot(t, members.usernames(Set.of(t.authorId()))));
	}

	public Optional<ReplySnapshot> replySnapshot(ReplyId id) {
		return replies.findById(id.value()).map(r -> {
			Topic topic = topics.findById(r.topicId().value()).orElseThrow();
			return snapshot(r, topic, members.usernames(Set.of(r.authorId())));
		});
	}

	public List<ReplyId> replyIds(TopicId topic) {
		return replies.findIdsInTopic(topic.value()).stream().map(ReplyId::new).toList();
	}

	/**
	 * Walks every topic, live or not, in batches of ascending id; for rebuilding read models. Plain
	 * queries, each batch on its own and outside any transaction: a walk over a million posts in one
	 * transaction kept every entity it loaded in the persistence context (the heap ran out) and held one
	 * database snapshot for the whole rebuild; and only the columns a snapshot needs are read.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void eachTopic(int batchSize, Consumer<List<TopicSnapshot>> batch) {
		walk(TOPIC_SNAPSHOTS, batchSize, (rs, row) -> new TopicSnapshot(new TopicId(rs.getLong("id")),
				new BoardId(rs.getLong("board_id")), new MemberId(rs.getLong("author_id")), rs.getString("username"),
				rs.getString("title"), markdown.toPlainText(rs.getString("body")), instant(rs, "created_at"),
				instant(rs, "last_activity_at"), rs.getInt("reply_count"), rs.getInt("like_count"),
				rs.getBoolean("solved"), rs.getBoolean("deleted"), rs.getBoolean("hidden"), rs.getLong("version")),
				t -> t.id().value(), batch);
	}

	/** Walks every reply in batches of ascending id, as {@link #eachTopic} walks the topics. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void eachReply(int batchSize, Consumer<List<ReplySnapshot>> batch) {
		walk(REPLY_SNAPSHOTS, batchSize, (rs, row) -> new ReplySnapshot(new ReplyId(rs.getLong("id")),
				new TopicId(rs.getLong("topic_id")), new BoardId(rs.getLong("board_id")),
				new MemberId(rs.getLong("author_id")), rs.getString("username"), markdown.toPlainText(rs.getString("body")),
				instant(rs, "created_at"), rs.getInt("like_count"), rs.getBoolean("visible"), rs.getLong("version")),
				r -> r.id().value(), batch);
	}

	private static final String TOPIC_SNAPSHOTS = """
			select t.id, t.board_id, t.author_id, m.username, t.title, t.body, t.created_at, t.last_activity_at,
			       t.reply_count, t.like_count, t.accepted_reply_id is not null solved, t.deleted_at is not null deleted,
			       t.hidden_at is not null hidden, t.version
			from topic t join member m on m.id = t.author_id
			where t.id > ? order by t.id limit ?""";

	private static final String REPLY_SNAPSHOTS = """
			select r.id, r.topic_id, t.board_id, r.author_id, m.username, r.body, r.created_at, r.like_count,
			       r.deleted_at is null and r.hidden_at is null and t.deleted_at is null visible, r.version
			from reply r join topic t on t.id = r.topic_id join member m on m.id = r.author_id
			where r.id > ? order by r.id limit ?""";

	private <T> void walk(String sql, int batchSize, org.springframework.jdbc.core.RowMapper<T> rows,
			java.util.function.ToLongFunction<T> id, Consumer<List<T>> batch) {
		long after = 0;
		List<T> found;
		while (!(found = jdbc.query(sql, rows, after, batchSize)).isEmpty()) {
			batch.accept(found);
			after = id.applyAsLong(found.get(found.size() - 1));
		}
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		java.sql.Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private TopicSnapshot snapshot(Topic t, Map<MemberId, String> names) {
		return new TopicSnapshot(t.id(), t.boardId(), t.authorId(), names.get(t.authorId()), t.title(),
				markdown.toPlainText(t.body()), t.createdAt(), t.lastActivityAt(), t.replyCount(), t.likeCount(),
				t.acceptedReplyId() != null, t.isDeleted(), t.isHidden(), t.version());
	}

	private ReplySnapshot snapshot(Reply r, Topic topic, Map<MemberId, String> names) {
		return new ReplySnapshot(r.id(), r.topicId(), topic.boardId(), r.authorId(), names.get(r.authorId()),
				markdown.toPlainText(r.body()), r.createdAt(), r.likeCount(),
				!r.isDeleted() && !r.isHidden() && !topic.isDeleted(), r.version());
	}

	private Page<TopicSummary> summaries(Page<Topic> found) {
		Map<MemberId, String> names = members.usernames(found.stream().map(Topic::authorId).toList());
		return found.map(t -> new TopicSummary(t.id(), t.boardId(), t.title(), t.authorId(), names.get(t.authorId()),
				t.createdAt(), t.lastActivityAt(), t.replyCount(), t.likeCount(), t.viewCount(), t.pinned(),
				t.locked(), t.acceptedReplyId() != null, t.featured()));
	}

	private Page<ReplyDetails> details(Page<Reply> found, ReplyId accepted) {
		Set<Long> quotedIds = found.stream()
			.map(Reply::quotedReplyId)
			.filter(java.util.Objects::nonNull)
			.map(ReplyId::value)
			.collect(Collectors.toSet());
		// an empty map that answers get(null) (replies quoting nothing ask for null)
		Map<Long, Reply> quoted = quotedIds.isEmpty() ? java.util.Collections.emptyMap()
				: replies.findByIdIn(quotedIds).stream().collect(Collectors.toMap(r -> r.id().value(), r -> r));
		Map<MemberId, String> names = members.usernames(Stream
			.concat(found.stream().map(Reply::authorId), quoted.values().stream().map(Reply::authorId))
			.toList());
		return found.map(r -> {
			boolean deleted = r.isDeleted();
			return new ReplyDetails(r.id(), r.topicId(), r.authorId(), names.get(r.authorId()), deleted ? "" : r.body(),
					deleted ? "" : r.bodyHtml(), deleted ? null : quote(quoted.get(idOrNull(r.quotedReplyId())), names),
					r.createdAt(), r.editedAt(), r.likeCount(), deleted, r.id().equals(accepted), !deleted && r.isHidden(),
					false);
		});
	}

	private QuotedReply quote(Reply quoted, Map<MemberId, String> names) {
		if (quoted == null || quoted.isDeleted() || quoted.isHidden()) {
			return null;
		}
		String text = markdown.toPlainText(quoted.body());
		String excerpt = text.length() <= QUOTE_EXCERPT ? text : text.substring(0, QUOTE_EXCERPT) + "…";
		return new QuotedReply(quoted.id(), names.get(quoted.authorId()), excerpt);
	}

	private static Long idOrNull(ReplyId id) {
		return id == null ? null : id.value();
	}

	private static Sort sort(TopicOrder order) {
		return switch (order) {
			case LATEST -> Sort.by(Sort.Order.desc("pinned"), Sort.Order.desc("lastActivityAt"), Sort.Order.desc("id"));
			case HOT -> Sort.by(Sort.Order.desc("pinned"), Sort.Order.desc("hotScore"), Sort.Order.desc("id"));
			case NEWEST -> Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
			case WEEK -> Sort.by(Sort.Order.desc("hotScore"), Sort.Order.desc("id"));
			case FEATURED -> Sort.by(Sort.Order.desc("featuredAt"), Sort.Order.desc("id"));
		};
	}
}
