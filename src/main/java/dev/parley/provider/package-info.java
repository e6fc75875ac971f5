/**
 * Login providers the site owner sets up while Parley runs: their kinds and presets, the OIDC tenant
 * each one becomes, and the encryption of their client secrets.
 */
package dev.parley.provider;
