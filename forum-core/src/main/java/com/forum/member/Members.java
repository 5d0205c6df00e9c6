package com.forum.member;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Members extends JpaRepository<Member, Long> {

	@Query("select m from Member m where lower(m.username) = lower(?1)")
	Optional<Member> findByUsername(String username);

	@Query("select count(m) > 0 from Member m where lower(m.username) = lower(?1)")
	boolean usernameTaken(String username);

	@Query("select count(m) > 0 from Member m where lower(m.email) = lower(?1)")
	boolean emailTaken(String email);

	List<Member> findByIdIn(Collection<Long> ids);

	@Query("select m from Member m where m.role in ?1 order by lower(m.username)")
	List<Member> findByRoleIn(Collection<Role> roles);
}
