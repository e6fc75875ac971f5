/**
 * The site owner's discussion settings: stored in the database, edited in {@code /admin/settings},
 * effective at the next request.
 */
package dev.parley.settings;
