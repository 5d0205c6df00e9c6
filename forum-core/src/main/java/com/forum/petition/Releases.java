package com.forum.petition;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Releases extends JpaRepository<Release, Long> {

	boolean existsByVersion(String version);

	@Query("select r from Release r order by r.releaseAt desc, r.id desc")
	Page<Release> findNewestFirst(Pageable page);
}
