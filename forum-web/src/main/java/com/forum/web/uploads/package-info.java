/**
 * Uploaded images on the web: served under their content-addressed keys, and taken by the API (paste,
 * drag and drop) and by the page forms' file fields.
 */
package com.forum.web.uploads;
