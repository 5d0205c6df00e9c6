package com.forum.board;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "board")
class Board {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String name;

	private String description;

	@Enumerated(EnumType.STRING)
	private BoardKind kind;

	private int position;

	protected Board() {
	}

	Board(String slug, String name, String description, BoardKind kind, int position) {
		this.slug = slug;
		this.name = name;
		this.description = description;
		this.kind = kind;
		this.position = position;
	}

	BoardSummary summary() {
		return new BoardSummary(new BoardId(id), slug, name, description, kind);
	}
}
