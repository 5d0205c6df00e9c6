package com.forum.web.pages;

import com.forum.petition.TriageItem;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Who looks after a petition: a team, an employee (picked by name, sent by id), or both; blank clears them. */
public class AssignForm {

	@Size(max = 60, message = "{triage.form.team.size}")
	private String team = "";

	@Positive(message = "{triage.form.assignee.positive}")
	private Long assigneeId;

	/** The form filled in with who looks after the petition now. */
	static AssignForm of(TriageItem item) {
		AssignForm form = new AssignForm();
		form.setTeam(item.assigneeTeam() == null ? "" : item.assigneeTeam());
		form.setAssigneeId(item.assigneeId() == null ? null : item.assigneeId().value());
		return form;
	}

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
