package com.forum.shared;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
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
		Node document = parser.parse(markdown == null ? "" : markdown);
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
