/**
 * Mail to moderators: an alert for each comment held, reported or marked as spam by a rule (or an hourly or daily
 * digest, as each staff member chose on their account page), with one-click Approve, Spam and Trash links whose
 * confirmation page decides as that moderator.
 */
package dev.parley.alerts;
