/** The reader's language and time zone, resolved once for every request. */
package com.forum.web.i18n;
