package com.forum.discussion;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Topics extends JpaRepository<Topic, Long> {

	@Query("select t from Topic t where t.boardId = :board and t.deletedAt is null")
	Page<Topic> findLiveInBoard(@Param("board") long board, Pageable page);

	@Query("select t from Topic t where t.deletedAt is null")
	Page<Topic> findLive(Pageable page);

	@Query("select t from Topic t where t.featuredAt is not null and t.deletedAt is null")
	Page<Topic> findLiveFeatured(Pageable page);

	@Query("select t from Topic t where t.boardId = :board and t.featuredAt is not null and t.deletedAt is null")
	Page<Topic> findLiveFeaturedInBoard(@Param("board") long board, Pageable page);

	@Query("select t from Topic t where t.createdAt >= :since and t.deletedAt is null")
	Page<Topic> findLiveStartedSince(@Param("since") Instant since, Pageable page);

	@Query("select t from Topic t where t.boardId = :board and t.createdAt >= :since and t.deletedAt is null")
	Page<Topic> findLiveInBoardStartedSince(@Param("board") long board, @Param("since") Instant since,
			Pageable page);

	@Query("select t from Topic t where t.authorId = :author and t.deletedAt is null")
	Page<Topic> findLiveByAuthor(@Param("author") long author, Pageable page);

	@Modifying
	@Query(nativeQuery = true, value = """
			update topic set reply_count = reply_count + :delta,
			                 last_activity_at = greatest(last_activity_at, :at)
			where id = :id""")
	void countReply(@Param("id") long id, @Param("delta") int delta, @Param("at") Instant at);

	@Modifying
	@Query(nativeQuery = true, value = "update topic set like_count = like_count + :delta where id = :id")
	void countLike(@Param("id") long id, @Param("delta") int delta);

	@Modifying
	@Query(nativeQuery = true, value = "update topic set view_count = view_count + :views where id = :id")
	int countViews(@Param("id") long id, @Param("views") long views);

	/**
	 * "Hot" ranks by engagement on a log scale, lifted by recency: every {@code gravity} seconds of
	 * age are worth one order of magnitude of engagement, so fresh threads with some activity
	 * outrank old ones with a lot, without a periodic job re-ranking everything.
	 */
	@Modifying
	@Query(nativeQuery = true, value = """
			update topic set hot_score = log(greatest(1, like_count + 2 * reply_count + view_count / 10.0))
			                             + extract(epoch from created_at) / :gravity
			where id = :id""")
	void refreshHotScore(@Param("id") long id, @Param("gravity") double gravitySeconds);
}
