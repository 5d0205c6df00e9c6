/**
 * Boards: one per product line, either for discussion or for support questions answered as Q&A.
 */
package com.forum.board;
