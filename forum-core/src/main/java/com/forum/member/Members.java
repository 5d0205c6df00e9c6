package com.forum.member;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Members extends JpaRepository<Member, Long> {

	/** By the folded name ({@link NameFolding#fold}). */
	@Query("select m from Member m where m.usernameFolded = ?1")
	Optional<Member> findByFoldedUsername(String folded);

	/** The member whose name looks like one with this skeleton ({@link NameFolding#skeleton}). */
	@Query("select m from Member m where m.usernameSkeleton = ?1")
	Optional<Member> findBySkeleton(String skeleton);

	/** By the folded address. */
	@Query("select m from Member m where m.email = ?1")
	Optional<Member> findByFoldedEmail(String folded);

	@Query("select m from Member m where m.role in ?1 order by lower(m.username)")
	List<Member> findByRoleIn(Collection<Role> roles);
}
