package com.forum.web.pages;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.forum.discussion.ReplyDetails;
import com.forum.discussion.TopicDetails;
import com.forum.web.cache.KeptFragments;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;

/**
 * The posts of a thread page as HTML ({@code threads/thread-posts.html}), each rendered once for every reader
 * who sees it alike and then kept ({@link KeptFragments}): the page of a signed-in member is no longer
 * rendered whole for each request, only its header and what differs for this member.
 * <p>
 * A post looks alike to readers who stand alike to it: the same language and time zone, its author or
 * not, the thread's author or not, moderator or not, the same privileges that offer its buttons, and the
 * same like and bookmark of it. All of that is its key. Its forms carry the reader's token, which is kept
 * as a placeholder and put back for each reader. The accepted answer asks its reader how satisfied they
 * are, which is theirs alone: it is rendered every time.
 */
@Component
class ThreadPosts {

	/** Stands for the reader's form token in a kept post; unknown outside this process, so no text can hold it. */
	private static final String TOKEN = "csrf-" + UUID.randomUUID();

	private static final String TOKEN_FIELD = "name=\"_csrf\"";

	private static final List<String> PRIVILEGES = List.of("like-posts", "edit-others-posts", "flag-posts",
			"hide-posts");

	private final ThymeleafViewResolver views;

	ThreadPosts(ThymeleafViewResolver views) {
		this.views = views;
	}

	/**
	 * The opening post as this reader sees it. The model is the page's (viewer, topic, board, standings,
	 * avatars, flair).
	 */
	String opening(KeptFragments.Reading reading, Viewer viewer, TopicDetails topic, boolean liked, boolean bookmarked,
			Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
		Locale locale = LocaleContextHolder.getLocale();
		String key = "topic " + topic.id().value() + "|" + readerKey(viewer, topic, locale) + (liked ? 'l' : '-')
				+ (bookmarked ? 'b' : '-');
		model.put("likedTopic", liked);
		model.put("bookmarkedTopic", bookmarked);
		return part(reading, key, views.resolveViewName("threads/thread-posts :: opening", locale), model, request,
				response);
	}

	/** The HTML of each reply, in order; the model as for {@link #opening}. */
	List<String> replies(KeptFragments.Reading reading, Viewer viewer, TopicDetails topic, List<ReplyDetails> replies,
			int firstNumber, Set<Long> liked, Set<Long> bookmarked, Map<String, Object> model,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		Locale locale = LocaleContextHolder.getLocale();
		String reader = readerKey(viewer, topic, locale);
		View view = views.resolveViewName("threads/thread-posts :: reply", locale);
		List<String> html = new ArrayList<>(replies.size());
		for (int i = 0; i < replies.size(); i++) {
			ReplyDetails reply = replies.get(i);
			long id = reply.id().value();
			int floor = firstNumber + i;
			String key = reply.accepted() ? null
					: id + "|" + floor + "|" + reader + (viewer.is(reply.authorId()) ? 'a' : '-')
							+ (liked.contains(id) ? 'l' : '-') + (bookmarked.contains(id) ? 'b' : '-');
			model.put("r", reply);
			model.put("floor", floor);
			html.add(part(reading, key, view, model, request, response));
		}
		model.remove("r");
		model.remove("floor");
		return html;
	}

	/** The part kept under {@code key}, else rendered now and kept; with a null key rendered and not kept. */
	private static String part(KeptFragments.Reading reading, String key, View view, Map<String, Object> model,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		String kept = key == null ? null : reading.kept(key);
		if (kept != null) {
			return kept.contains(TOKEN) ? kept.replace(TOKEN, token(request)) : kept;
		}
		String rendered = render(view, model, request, response);
		if (key != null) {
			reading.keep(key, rendered.contains(TOKEN_FIELD) ? rendered.replace(token(request), TOKEN) : rendered);
		}
		return rendered;
	}

	/**
	 * The reader's form token, read only for a post with a form: reading it starts a session, which a
	 * visitor's page must not (com.forum.web.cache).
	 */
	private static String token(HttpServletRequest request) {
		return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
	}

	/** What a reply's look depends on from its reader, but for their own part in it (author, like, bookmark). */
	private static String readerKey(Viewer viewer, TopicDetails topic, Locale locale) {
		StringBuilder key = new StringBuilder(locale.toLanguageTag()).append('|')
			.append(LocaleContextHolder.getTimeZone().getID())
			.append('|')
			.append(viewer.signedIn() ? 's' : '-')
			.append(viewer.moderates() ? 'm' : '-')
			.append(viewer.is(topic.authorId()) ? 'a' : '-');
		PRIVILEGES.forEach(privilege -> key.append(viewer.may(privilege) ? '1' : '0'));
		return key.append('|').toString();
	}

	private static String render(View view, Map<String, Object> model, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		Captured captured = new Captured(response);
		view.render(model, request, captured);
		captured.writer.flush();
		return captured.text.toString();
	}

	/** A response that keeps what a view writes, leaving the real response's headers alone. */
	private static final class Captured extends HttpServletResponseWrapper {

		private final StringWriter text = new StringWriter(4096);

		private final PrintWriter writer = new PrintWriter(text);

		Captured(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new IllegalStateException("a reply is written as text");
		}

		@Override
		public void setContentType(String type) {
		}

		@Override
		public void setCharacterEncoding(String charset) {
		}

		@Override
		public void setLocale(Locale locale) {
		}

		@Override
		public void flushBuffer() {
		}
	}
}
