/**
 * Shared renderings of threads: the article page and the thread fragment as anonymous readers see them, rendered
 * once and kept (with their gzip form) until the thread, its article or the site's settings change, on any
 * instance. Only the few values that differ per visitor (the CSRF token, the form's key and time) are put in per
 * answer. Plumbing: depends on nothing but the database and web.
 */
package dev.parley.pagecache;
