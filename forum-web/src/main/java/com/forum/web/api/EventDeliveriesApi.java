package com.forum.web.api;

import java.time.Instant;
import java.util.UUID;

import com.forum.shared.EventDeliveries;
import com.forum.shared.EventDeliveryState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.mapstruct.Mapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/event-publications")
@Tag(name = "Admin: event publications",
		description = "Domain events owed to their listeners: pending, failed (retried with back-off) or abandoned")
class EventDeliveriesApi {

	private final EventDeliveries deliveries;

	private final Mapping mapper;

	EventDeliveriesApi(EventDeliveries deliveries, Mapping mapper) {
		this.deliveries = deliveries;
		this.mapper = mapper;
	}

	@GetMapping
	@Operation(summary = "Publications in one state, oldest first")
	PageResponse<EventPublicationResponse> list(@RequestParam(defaultValue = "failed") String state,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		EventDeliveryState parsed = ApiParameters.parse(EventDeliveryState.class, "state", state);
		return PageResponse.of(deliveries.list(parsed, page - 1, size), mapper::response);
	}

	@PostMapping("/{id}/resubmit")
	@Operation(summary = "Deliver a failed or abandoned publication again, with its attempts counted afresh")
	ResubmittedResponse resubmit(@PathVariable UUID id) {
		deliveries.resubmit(id);
		return new ResubmittedResponse(1);
	}

	@PostMapping("/resubmit")
	@Operation(summary = "Deliver every failed and abandoned publication again")
	ResubmittedResponse resubmitAll() {
		return new ResubmittedResponse(deliveries.resubmitAll());
	}

	record EventPublicationResponse(UUID id, String state, String eventType, String event, String listener,
			int attempts, Instant publishedAt, Instant lastAttemptAt, String lastError) {
	}

	record ResubmittedResponse(int resubmitted) {
	}

	@Mapper
	interface Mapping {

		EventPublicationResponse response(com.forum.shared.EventDelivery delivery);

		default String state(EventDeliveryState state) {
			return state.name().toLowerCase(java.util.Locale.ROOT);
		}
	}
}
