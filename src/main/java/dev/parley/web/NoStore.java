package dev.parley.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an open page that must not be stored by any cache, the browser's included (sign-in and set-up forms).
 * Staff pages ({@code @RolesAllowed}) are treated so without it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NoStore {}
