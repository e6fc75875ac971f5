/**
 * The owner's other websites, whose pages carry Parley threads: registered origins, canonical page addresses,
 * the thread fragment for server-side includes and the script tag, and comment counts.
 */
package dev.parley.site;
