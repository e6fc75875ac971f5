/**
 * Shared web plumbing only: error pages, form state, notices after a redirect, cookies, the single
 * place that marks HTML as safe, and template extensions. No feature logic lives here.
 */
package dev.parley.web;
