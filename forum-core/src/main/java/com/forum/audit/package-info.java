/**
 * The audit log of staff actions: moderation, hidden revisions, triage decisions and responses,
 * exports, releases published, points adjustments. Each entry is written by a listener of the event
 * the owning feature publishes, once per event (a redelivery adds nothing), and the table refuses
 * updates and deletes. Admins read it.
 */
package com.forum.audit;
