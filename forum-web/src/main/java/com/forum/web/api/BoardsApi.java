package com.forum.web.api;

import com.forum.board.BoardCatalog;
import com.forum.web.api.ApiDtos.BoardResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Boards")
class BoardsApi {

	private final BoardCatalog boards;

	private final ApiMapper mapper;

	BoardsApi(BoardCatalog boards, ApiMapper mapper) {
		this.boards = boards;
		this.mapper = mapper;
	}

	@GetMapping("/api/v1/boards")
	@Operation(summary = "All boards, in display order")
	PageResponse<BoardResponse> boards() {
		return PageResponse.all(boards.all().stream().map(mapper::board).toList());
	}

	@GetMapping("/api/v1/boards/{slug}")
	@Operation(summary = "One board")
	BoardResponse board(@PathVariable String slug) {
		return mapper.board(boards.get(slug));
	}
}
