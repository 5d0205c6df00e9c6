/**
 * The file fields of uploads as the API and the pages take them: bytes, never a name or declared type to
 * believe.
 */
package com.forum.web.uploads;
