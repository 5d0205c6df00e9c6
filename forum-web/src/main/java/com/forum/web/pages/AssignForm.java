package com.forum.web.pages;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Who looks after a petition: a team, an employee, or both; blank clears them. */
public class AssignForm {

	@Size(max = 60, message = "The team must be at most 60 characters.")
	private String team = "";

	@Positive(message = "The employee id must be a positive number.")
	private Long assigneeId;

	public String getTeam() {
		return team;
	}

	public void setTeam(String team) {
		this.team = team;
	}

	public Long getAssigneeId() {
		return assigneeId;
	}

	public void setAssigneeId(Long assigneeId) {
		this.assigneeId = assigneeId;
	}
}
