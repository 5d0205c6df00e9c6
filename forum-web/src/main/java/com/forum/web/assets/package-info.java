/** The site's own style sheets and scripts: content-hashed URLs, cached by browsers for a year. */
package com.forum.web.assets;
