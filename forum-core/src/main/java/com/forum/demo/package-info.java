/**
 * Demo data loaded on the first start of a local installation: boards, one member of each role,
 * a few threads and petitions, and a points shop.
 */
package com.forum.demo;
