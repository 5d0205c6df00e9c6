/**
 * What requests carry, checked once at the door before any part of the application reads it.
 */
package com.forum.web.input;
