/**
 * RFC 9457 problem details: the stable types clients match on, and how they are written.
 */
package com.forum.web.problem;
