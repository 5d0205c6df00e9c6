package com.forum.discussion;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Replies extends JpaRepository<Reply, Long> {

	@Query("select r from Reply r where r.topicId = :topic order by r.id")
	Page<Reply> findInTopic(@Param("topic") long topic, Pageable page);

	@Query("select r from Reply r where r.authorId = :author and r.deletedAt is null order by r.createdAt desc")
	Page<Reply> findLiveByAuthor(@Param("author") long author, Pageable page);

	@Query("select r.id from Reply r where r.topicId = :topic order by r.id")
	List<Long> findIdsInTopic(@Param("topic") long topic);

	List<Reply> findByIdIn(Collection<Long> ids);

	@Modifying
	@Query(nativeQuery = true, value = "update reply set like_count = like_count + :delta where id = :id")
	void countLike(@Param("id") long id, @Param("delta") int delta);
}
