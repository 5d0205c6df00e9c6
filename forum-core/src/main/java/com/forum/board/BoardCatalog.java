package com.forum.board;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;
import com.forum.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The boards of the forum. */
@Service
@Transactional(readOnly = true)
public class BoardCatalog {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final Boards boards;

	private final ApplicationEventPublisher events;

	BoardCatalog(Boards boards, ApplicationEventPublisher events) {
		this.boards = boards;
		this.events = events;
	}

	public List<BoardSummary> all() {
		return boards.findAllByOrderByPositionAscIdAsc().stream().map(Board::summary).toList();
	}

	public BoardSummary get(BoardId id) {
		return find(id).orElseThrow(() -> new NotFoundException("board", id));
	}

	public Optional<BoardSummary> find(BoardId id) {
		return boards.findById(id.value()).map(Board::summary);
	}

	/** Every board by id, in display order: for lists across boards that show each item's board. */
	public Map<BoardId, BoardSummary> byId() {
		Map<BoardId, BoardSummary> byId = new LinkedHashMap<>();
		all().forEach(board -> byId.put(board.id(), board));
		return byId;
	}

	public BoardSummary get(String slug) {
		return find(slug).orElseThrow(() -> new NotFoundException("board", slug));
	}

	/** The board a filter names; empty for none or an unknown one, which filters treat as every board. */
	public Optional<BoardSummary> find(String slug) {
		return slug == null || slug.isBlank() ? Optional.empty() : boards.findBySlug(slug).map(Board::summary);
	}

	@Transactional
	public BoardId create(String slug, String name, String description, BoardKind kind) {
		if (slug == null || slug.length() > 64 || !SLUG.matcher(slug).matches()) {
			throw new InvalidInputException("slug", "slug-format",
					"must be lower-case letters and digits separated by dashes");
		}
		if (boards.existsBySlug(slug)) {
			throw new RuleViolationException("board-exists", "A board named '" + slug + "' exists already.", slug);
		}
		Board board = boards.save(new Board(slug, name, description, kind, (int) boards.count()));
		events.publishEvent(new BoardCreated(board.summary().id()));
		return board.summary().id();
	}
}
