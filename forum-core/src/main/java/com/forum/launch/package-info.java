/**
 * Pre-booking launches: limited slots that members reserve in priority windows by level, with a
 * single-use reservation code the store redeems. Admission is decided in Redis by one script per
 * attempt (window, one per member, stock), so a refused attempt never reaches PostgreSQL; an admitted
 * one is written to PostgreSQL, the source of truth, by a conditional update that cannot pass the
 * slots. Lost Redis keys are rebuilt from PostgreSQL while admission answers "try again shortly".
 */
package com.forum.launch;
