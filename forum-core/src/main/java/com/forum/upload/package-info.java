/**
 * Uploads: images members put into posts and their avatars. Every image is checked by its content,
 * decoded within a pixel budget, re-encoded (which leaves its metadata, EXIF GPS included, behind) and
 * kept under a key made from its bytes, in a local directory or S3-compatible object storage.
 */
package com.forum.upload;
