package com.forum.launch;

import com.forum.shared.RuleViolationException;

/**
 * An attempt Redis refused (sold out, already holding one, paused, closed): a rule violation like any
 * other to clients, but without a stack trace, as a sale refuses thousands a second and the trace
 * would cost more than the decision.
 */
class AdmissionRefused extends RuleViolationException {

	AdmissionRefused(String code, String message) {
		super(code, message);
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}
}
