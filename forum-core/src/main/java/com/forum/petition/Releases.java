package com.forum.petition;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Releases extends JpaRepository<Release, Long> {

	boolean existsByVersion(String version);

	@Query("select r from Release r order by r.releaseAt desc, r.id desc")
	Page<Release> findNewestFirst(Pageable page);

	@Query("select r from Release r where r.publishedAt is not null order by r.releaseAt desc, r.id desc")
	Page<Release> findPublishedNewestFirst(Pageable page);

	@Query("select r from Release r where r.publishedAt is null order by r.releaseAt, r.id")
	List<Release> findDraftsSoonestFirst(Pageable page);

	/** A share lock: petitions may be scheduled in it side by side, but it is not published meanwhile. */
	@Lock(LockModeType.PESSIMISTIC_READ)
	@Query("select r from Release r where r.id = :id")
	Optional<Release> findForScheduling(@Param("id") long id);

	/** Waits for the schedulings in flight, so that publishing ships every petition they scheduled. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Release r where r.id = :id")
	Optional<Release> findForPublication(@Param("id") long id);
}
