package com.forum.petition;

import java.util.List;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Petitions extends JpaRepository<Petition, Long> {

	/** The petitions waiting for a release to be published, locked against other changes meanwhile. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("""
			select p from Petition p
			where p.releaseId = :release and p.status <> com.forum.petition.PetitionStatus.SHIPPED order by p.id""")
	List<Petition> findScheduledIn(@Param("release") long release);
}
