package com.forum.petition;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HistoryEntries extends JpaRepository<HistoryEntry, Long> {

	@Query("select h from HistoryEntry h where h.petitionId = :petition order by h.id")
	List<HistoryEntry> findFor(@Param("petition") long petition);
}
