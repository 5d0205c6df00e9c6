package com.forum.web.api;

import java.util.LinkedHashMap;
import java.util.Map;

import com.forum.discussion.FlagReason;
import com.forum.discussion.FlagState;
import com.forum.discussion.PostKind;
import com.forum.discussion.ReviewItem;
import com.forum.reputation.Standings;
import com.forum.web.api.ApiDtos.AuthorResponse;
import com.forum.web.api.ModerationDtos.FlagResponse;
import com.forum.web.api.ModerationDtos.HiddenResponse;
import com.forum.web.api.ModerationDtos.ReviewItemResponse;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface ModerationApiMapper {

	@Mapping(target = "kind", expression = "java(kind(flag.kind()))")
	@Mapping(target = "reason", expression = "java(flag.reason().id())")
	FlagResponse flag(FlagState flag);

	@Mapping(target = "kind", expression = "java(kind(item.kind()))")
	@Mapping(target = "threadId", source = "topicId.value")
	@Mapping(target = "threadTitle", source = "topicTitle")
	@Mapping(target = "replyId", source = "replyId.value")
	@Mapping(target = "author", expression = "java(author(item.authorId().value(), item.authorName()))")
	@Mapping(target = "authorLevel", expression = "java(standings.level(item.authorId()))")
	@Mapping(target = "flags", expression = "java(flags(item.flags()))")
	@Mapping(target = "flagCount", expression = "java(item.flagCount())")
	@Mapping(target = "hidden", expression = "java(hidden(item))")
	ReviewItemResponse item(ReviewItem item, @Context Standings standings);

	default AuthorResponse author(long id, String username) {
		return new AuthorResponse(id, username);
	}

	default String kind(PostKind kind) {
		return kind == PostKind.TOPIC ? "thread" : "reply";
	}

	default Map<String, Integer> flags(Map<FlagReason, Integer> flags) {
		Map<String, Integer> byId = new LinkedHashMap<>();
		for (FlagReason reason : FlagReason.values()) {
			byId.put(reason.id(), flags.getOrDefault(reason, 0));
		}
		return byId;
	}

	default HiddenResponse hidden(ReviewItem item) {
		if (!item.hidden()) {
			return null;
		}
		return new HiddenResponse(author(item.hiddenBy().value(), item.hiddenByName()),
				item.hiddenReason().id(), item.hiddenNote(), item.hiddenAt());
	}
}
