package com.forum.web.api;

import java.util.List;

import org.mapstruct.Mapper;

import com.forum.points.CheckIn;
import com.forum.points.CheckInCalendar;
import com.forum.points.Hold;
import com.forum.points.LedgerEntry;
import com.forum.web.api.PointsDtos.CalendarResponse;
import com.forum.web.api.PointsDtos.CheckInResponse;
import com.forum.web.api.PointsDtos.CheckInStateResponse;
import com.forum.web.api.PointsDtos.EntryResponse;
import com.forum.web.api.PointsDtos.HoldResponse;

@Mapper
interface PointsApiMapper {

	EntryResponse entry(LedgerEntry entry);

	HoldResponse hold(Hold hold);

	List<HoldResponse> holds(List<Hold> holds);

	CheckInResponse checkIn(CheckIn checkIn);

	CheckInStateResponse checkInState(CheckInCalendar calendar);

	CalendarResponse calendar(CheckInCalendar calendar);
}
