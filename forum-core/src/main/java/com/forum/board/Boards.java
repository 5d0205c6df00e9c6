package com.forum.board;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Boards extends JpaRepository<Board, Long> {

	List<Board> findAllByOrderByPositionAscIdAsc();

	Optional<Board> findBySlug(String slug);

	boolean existsBySlug(String slug);
}
