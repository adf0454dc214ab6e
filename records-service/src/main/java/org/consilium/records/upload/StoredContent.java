package org.consilium.records.upload;

/** What was measured while a file streamed into GridFS. */
record StoredContent(long size, String sha256, String detectedContentType) {
}
