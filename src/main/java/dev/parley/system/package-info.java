/**
 * Start-up plumbing that every feature relies on: the data folder and the keys that are
 * generated into it when the deployment does not provide them.
 */
package dev.parley.system;
