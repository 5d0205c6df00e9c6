package com.forum.satisfaction;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SatisfactionRatings extends JpaRepository<SatisfactionRating, Long> {

	@Query("""
			select r from SatisfactionRating r
			where r.subjectKind = :kind and r.subjectId = :subject and r.memberId = :member""")
	Optional<SatisfactionRating> find(@Param("kind") SubjectKind kind, @Param("subject") long subject,
			@Param("member") long member);
}
