/**
 * Petitions: feature suggestions that members back with votes, moved through a status workflow by
 * employees who answer within a service level, shipped in releases that credit the fans who asked.
 */
package com.forum.petition;
