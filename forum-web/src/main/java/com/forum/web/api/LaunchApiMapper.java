package com.forum.web.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import com.forum.launch.Launch;
import com.forum.launch.LaunchFigures;
import com.forum.launch.MemberStanding;
import com.forum.launch.Reservation;
import com.forum.web.api.LaunchDtos.FiguresResponse;
import com.forum.web.api.LaunchDtos.LaunchResponse;
import com.forum.web.api.LaunchDtos.ReservationResponse;
import com.forum.web.api.LaunchDtos.StandingResponse;
import com.forum.web.api.LaunchDtos.WindowResponse;

@Mapper
interface LaunchApiMapper {

	@Mapping(target = "slotsLeft", expression = "java(launch.slotsLeft())")
	@Mapping(target = "windows", expression = "java(windows(launch))")
	@Mapping(target = "me", source = "standing")
	LaunchResponse launch(Launch launch, MemberStanding standing);

	@Mapping(target = "level", expression = "java(\"Lv\" + standing.level())")
	StandingResponse standing(MemberStanding standing);

	ReservationResponse reservation(Reservation reservation);

	List<ReservationResponse> reservations(List<Reservation> reservations);

	FiguresResponse figures(LaunchFigures figures);

	default List<WindowResponse> windows(Launch launch) {
		return launch.windows().stream()
			.map(w -> new WindowResponse(w.minLevel(), duration(w.opensBefore()), w.startsAt(launch.opensAt())))
			.toList();
	}

	default String duration(Duration duration) {
		return duration == null ? null : duration.toString();
	}

	/** States and reasons go out as lower-case words. */
	default String name(Enum<?> value) {
		return value == null ? null : value.name().toLowerCase(Locale.ROOT);
	}
}
