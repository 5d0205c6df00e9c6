/**
 * Demo data loaded on the first start of a local installation: boards, one member of each role,
 * and a few threads.
 */
package com.forum.demo;
