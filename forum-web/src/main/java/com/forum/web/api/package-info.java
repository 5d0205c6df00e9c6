/**
 * The REST API under {@code /api/v1}: thin controllers, request and response records, MapStruct
 * mappers, and problem details for every error.
 */
package com.forum.web.api;
