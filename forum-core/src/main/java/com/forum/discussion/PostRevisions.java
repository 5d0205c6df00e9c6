package com.forum.discussion;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PostRevisions extends JpaRepository<PostRevision, Long> {

	@Query("select r from PostRevision r where r.postKind = :kind and r.postId = :post order by r.id desc")
	List<PostRevision> findFor(@Param("kind") PostKind kind, @Param("post") long post);
}
