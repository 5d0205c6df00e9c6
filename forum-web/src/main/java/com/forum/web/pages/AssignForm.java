package com.forum.web.pages;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Who looks after a petition: a team, an employee, or both; blank clears them. */
public class AssignForm {

	@Size(max = 60, message = "{triage.form.team.size}")
	private String team = "";

	@Positive(message = "{triage.form.assignee.positive}")
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
