package dev.parley.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page whose address holds a secret (the one-time links in mails): it is sent with
 * {@code Referrer-Policy: no-referrer} in place of the site-wide policy, so that no Referer carries the token to
 * another page or site, and it is never stored ({@link NoStore}). Its forms then come with {@code Origin: null},
 * which {@link CrossSiteFormGuard} accepts from Parley's own pages.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TokenInAddress {}
