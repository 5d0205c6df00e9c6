package com.forum.web.pages;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.forum.shared.EventDeliveries;
import com.forum.shared.EventDelivery;
import com.forum.shared.EventDeliveryState;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** For admins: event deliveries that failed, were abandoned or are still on their way, and resubmission. */
@Controller
class EventDeliveryPages {

	private static final int PAGE_SIZE = 50;

	private final EventDeliveries deliveries;

	EventDeliveryPages(EventDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping("/admin/event-publications")
	String list(@RequestParam(defaultValue = "failed") String state, @RequestParam(defaultValue = "1") int page,
			Model model) {
		EventDeliveryState shown = parse(state);
		Page<EventDelivery> found = deliveries.list(shown, Pages.index(page), PAGE_SIZE);
		Map<String, StateTab> states = new LinkedHashMap<>();
		for (EventDeliveryState each : EventDeliveryState.values()) {
			states.put(key(each), new StateTab(each == shown ? found.getTotalElements() : deliveries.count(each)));
		}
		model.addAttribute("section", "admin");
		model.addAttribute("state", key(shown));
		model.addAttribute("states", states);
		model.addAttribute("deliveries", found.map(Row::of));
		model.addAttribute("pager", Pager.of(Pages.number(page), found.getTotalPages(),
				n -> "/admin/event-publications?state=" + key(shown) + (n > 1 ? "&page=" + n : "")));
		return "admin/event-publications";
	}

	@PostMapping("/admin/event-publications/{id}/resubmit")
	String resubmit(@PathVariable UUID id, RedirectAttributes redirect) {
		deliveries.resubmit(id);
		redirect.addFlashAttribute("notice", "triage.deliveries.notice.resubmitted");
		return "redirect:/admin/event-publications";
	}

	@PostMapping("/admin/event-publications/resubmit")
	String resubmitAll(RedirectAttributes redirect) {
		int count = deliveries.resubmitAll();
		redirect.addFlashAttribute("notice", new Notice("triage.deliveries.notice.resubmitted-all", count));
		return "redirect:/admin/event-publications";
	}

	/** An unknown state in an address shows the default list rather than an error. */
	private static EventDeliveryState parse(String state) {
		for (EventDeliveryState each : EventDeliveryState.values()) {
			if (key(each).equalsIgnoreCase(state.strip())) {
				return each;
			}
		}
		return EventDeliveryState.FAILED;
	}

	private static String key(EventDeliveryState state) {
		return state.name().toLowerCase(Locale.ROOT);
	}

	/** A state's tab; its name comes from the bundles ({@code triage.deliveries.state.failed}). */
	record StateTab(long count) {
	}

	/** A delivery as the table shows it: class names without their packages. */
	record Row(UUID id, String event, String payload, String listener, int attempts, Instant publishedAt,
			String lastError) {

		static Row of(EventDelivery delivery) {
			return new Row(delivery.id(), simpleName(delivery.eventType()), delivery.event(),
					simpleName(delivery.listener().replaceFirst("\\(.*$", "")), delivery.attempts(),
					delivery.publishedAt(), delivery.lastError());
		}

		/** {@code com.forum.search.internal.PostIndexer.on} becomes {@code PostIndexer.on}. */
		private static String simpleName(String qualified) {
			String[] parts = qualified.split("\\.");
			for (int i = 0; i < parts.length; i++) {
				if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
					return String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length));
				}
			}
			return qualified;
		}

	}
}
