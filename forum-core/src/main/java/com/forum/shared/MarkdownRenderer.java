package com.forum.shared;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.stereotype.Component;

/**
 * Turns a member's Markdown into HTML that is safe to put on a page. CommonMark escapes raw HTML in
 * the source, and an allow-list sanitizer then keeps only harmless elements and http(s)/mailto links,
 * so no script can run from user content even if the renderer had a bug.
 */
@Component
public class MarkdownRenderer {

	private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[a-zA-Z0-9_+-]{1,30}");

	/**
	 * An {@code @name} as members write it: the characters a username may hold, beginning and ending
	 * with a letter, digit or underscore, so the full stop ending a sentence is not taken for part of
	 * the name. Not after a Latin letter, digit or mark of an address, so {@code a@b} in plain text
	 * mentions nobody; a Chinese sentence may run straight into a mention ({@code 谢谢@mifan}).
	 */
	private static final Pattern MENTION = Pattern
		.compile("(?<![A-Za-z0-9_.@/+-])@([\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]{1,30}[\\p{L}\\p{N}_])");

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create(),
			AutolinkExtension.create());

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "h1",
				"h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "a", "img")
		.allowUrlProtocols("http", "https", "mailto")
		.allowAttributes("href")
		.onElements("a")
		.allowAttributes("src", "alt", "title")
		.onElements("img")
		.allowAttributes("title")
		.onElements("a")
		.allowAttributes("start")
		.matching(Pattern.compile("[0-9]{1,6}"))
		.onElements("ol")
		.allowAttributes("align")
		.matching(Pattern.compile("left|right|center"))
		.onElements("th", "td")
		.allowAttributes("class")
		.matching(CODE_LANGUAGE)
		.onElements("code")
		.requireRelsOnLinks("nofollow", "noopener", "ugc")
		.toFactory();

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.escapeHtml(true)
		.sanitizeUrls(true)
		.build();

	private final TextContentRenderer textRenderer = TextContentRenderer.builder().extensions(EXTENSIONS).build();

	private final ImageSources images;

	public MarkdownRenderer(ImageSources images) {
		this.images = images;
	}

	/**
	 * Safe HTML whose images load only from where {@link ImageSources} allows (the app's image proxy);
	 * any other image is shown as its text.
	 */
	public String toSafeHtml(String markdown) {
		return toSafeHtml(markdown, name -> null);
	}

	/**
	 * Safe HTML as {@link #toSafeHtml(String)}, with each {@code @name} that {@code mentionLinks} gives
	 * an address for (a member's profile) made a link there; names it gives none for stay text.
	 */
	public String toSafeHtml(String markdown, Function<String, String> mentionLinks) {
		Node document = parser.parse(markdown == null ? "" : markdown);
		linkMentions(document, mentionLinks);
		document.accept(new AbstractVisitor() {

			@Override
			public void visit(Image image) {
				var source = images.sourceFor(image.getDestination());
				if (source.isPresent()) {
					image.setDestination(source.get());
					return;
				}
				// the image's text stays where the image was, checked in turn (it may hold an image itself)
				List<Node> text = new ArrayList<>();
				for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
					text.add(child);
				}
				for (Node child : text) {
					image.insertBefore(child);
				}
				image.unlink();
				text.forEach(child -> child.accept(this));
			}
		});
		return POLICY.sanitize(renderer.render(document));
	}

	/**
	 * The names the text mentions ({@code @name}), in the order written, each once: in its text, not in
	 * code (which shows an {@code @} as written) nor in a link's words.
	 */
	public Set<String> mentionedNames(String markdown) {
		Set<String> names = new LinkedHashSet<>();
		parser.parse(markdown == null ? "" : markdown).accept(new MentionVisitor() {

			@Override
			void mention(Text text, Matcher matcher) {
				names.add(matcher.group(1));
			}
		});
		return names;
	}

	private static void linkMentions(Node document, Function<String, String> mentionLinks) {
		List<Text> mentioning = new ArrayList<>();
		document.accept(new MentionVisitor() {

			@Override
			void mention(Text text, Matcher matcher) {
				if (mentioning.isEmpty() || mentioning.getLast() != text) {
					mentioning.add(text);
				}
			}
		});
		// split once the walk is over: a node must not move while it is visited
		for (Text text : mentioning) {
			String literal = text.getLiteral();
			Matcher matcher = MENTION.matcher(literal);
			int done = 0;
			while (matcher.find()) {
				String target = mentionLinks.apply(matcher.group(1));
				if (target == null) {
					continue;
				}
				if (matcher.start() > done) {
					text.insertBefore(new Text(literal.substring(done, matcher.start())));
				}
				Link link = new Link(target, null);
				link.appendChild(new Text(matcher.group()));
				text.insertBefore(link);
				done = matcher.end();
			}
			if (done > 0) {
				if (done < literal.length()) {
					text.insertBefore(new Text(literal.substring(done)));
				}
				text.unlink();
			}
		}
	}

	/** Walks the text a reader sees as words: not into links (their words are their own) nor code. */
	private abstract static class MentionVisitor extends AbstractVisitor {

		@Override
		public void visit(Link link) {
		}

		@Override
		public void visit(Text text) {
			Matcher matcher = MENTION.matcher(text.getLiteral());
			while (matcher.find()) {
				mention(text, matcher);
			}
		}

		abstract void mention(Text text, Matcher matcher);
	}

	/**
	 * The checks every member's Markdown text passes before anything else looks at it: not blank, at
	 * most {@code maxLength} characters, and images only as the forum takes them.
	 */
	public void checkText(String field, String markdown, int maxLength) {
		if (markdown == null || markdown.isBlank()) {
			throw new InvalidInputException(field, "blank", "must not be blank");
		}
		if (markdown.length() > maxLength) {
			throw new InvalidInputException(field, "too-long", "must be at most " + maxLength + " characters", maxLength);
		}
		checkImagesAccepted(field, markdown);
	}

	/** Refuses a text with images when the forum is configured to refuse them rather than proxy them. */
	public void checkImagesAccepted(String field, String markdown) {
		if (!images.acceptsImages() && hasImages(markdown)) {
			throw new InvalidInputException(field, "images-refused", "must not show images");
		}
	}

	/** Whether the text shows any image, wherever it points. */
	public boolean hasImages(String markdown) {
		boolean[] found = { false };
		parser.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {

			@Override
			public void visit(Image image) {
				found[0] = true;
			}
		});
		return found[0];
	}

	/**
	 * Where the links and images of the text point, as the page would show them: Markdown links and
	 * images, {@code <...>} autolinks, and the bare web and e-mail addresses the renderer turns into
	 * links. Addresses inside code spans and blocks, which stay text, are not among them.
	 */
	public Set<String> linkTargets(String markdown) {
		Set<String> targets = new LinkedHashSet<>();
		parser.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {

			@Override
			public void visit(Link link) {
				targets.add(link.getDestination());
				visitChildren(link);
			}

			@Override
			public void visit(Image image) {
				targets.add(image.getDestination());
				visitChildren(image);
			}
		});
		return targets;
	}

	/** Whether an edit from {@code before} to {@code after} adds a link or image the text did not have. */
	public boolean addsLinks(String before, String after) {
		Set<String> added = linkTargets(after);
		added.removeAll(linkTargets(before));
		return !added.isEmpty();
	}

	/** Plain text for snippets and the search index: the rendered text without any markup. */
	public String toPlainText(String markdown) {
		return textRenderer.render(parser.parse(markdown == null ? "" : markdown)).replaceAll("\\s+", " ").trim();
	}
}
