/**
 * The web front end: the buyer pages and the organizer console, plain ES modules and CSS served from the gateway's
 * class path (or a folder while developing) with caching headers and a strict Content-Security-Policy. Nothing here
 * sits on an API route.
 */
@NullMarked
package org.boxoffice.gateway.web;

import org.jspecify.annotations.NullMarked;
