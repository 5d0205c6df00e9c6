/**
 * Private messages: conversations between two or more members, with read markers, leaving, blocking
 * and reports. Only participants read a conversation; a participant's report opens it, read-only, to
 * moderators, and every such read is audited.
 */
package com.forum.conversation;
