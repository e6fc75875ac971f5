/**
 * Who is signed in: local accounts (owner and moderators), password hashing, database-backed
 * sessions, the sign-in and first-start set-up pages, and the owner's account admin.
 */
package dev.parley.identity;
