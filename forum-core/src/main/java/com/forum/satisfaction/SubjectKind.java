package com.forum.satisfaction;

/** What a rating is about. */
public enum SubjectKind {

	/** A support question, rated by its asker for the help they got. */
	QUESTION,

	/** A petition, rated by its author and voters for its outcome. */
	PETITION
}
